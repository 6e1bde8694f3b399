// Reads a press release from a file or an http(s) URL into plain text. HTML goes through a real parser (cheerio),
// never regular expressions over markup. A URL is fetched with a timeout and a size cap. A text copy may start
// with a header (`URL: …`, `Publisher: …` lines, then `---`) that says where the text was published.
import { readFile } from 'node:fs/promises';
import { load } from 'cheerio';
import { type Said, said } from './said.js';

/** A release as text, with where it came from. */
export interface ReleaseText {
  text: string;
  /** The page's own address: the header's `URL:`, the HTML's canonical link, or the address fetched. */
  url?: string;
  /** The header's `Publisher:`, when the copy says who published it. */
  publisher?: string;
}

/** How a URL is fetched. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Ten seconds and two megabytes: a press release is a few kilobytes of HTML. */
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 2_000_000 };

/** Reads a file path or an http(s) URL; the error says in one line what went wrong. */
export async function readRelease(
  target: string,
  limits: FetchLimits = DEFAULT_LIMITS,
): Promise<ReleaseText | { error: Said }> {
  if (/^https?:\/\//i.test(target)) return fetchRelease(target, limits);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return { error: said('import.onlyHttp', { target }) };
  let body: string;
  try {
    body = await readFile(target, 'utf8');
  } catch (err) {
    return { error: said('import.cannotRead', { target, code: (err as NodeJS.ErrnoException).code ?? String(err) }) };
  }
  return toText(body, /\.html?$/i.test(target) || looksLikeHtml(body));
}

async function fetchRelease(url: string, limits: FetchLimits): Promise<ReleaseText | { error: Said }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const seconds = String(limits.timeoutMs / 1000);
    return { error: timedOut ? said('import.noAnswer', { url, seconds }) : said('import.unreachable', { url }) };
  }
  if (!response.ok) return { error: said('import.httpStatus', { url, status: String(response.status) }) };
  const tooLarge = said('import.tooLarge', { url, bytes: String(limits.maxBytes) });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) return { error: tooLarge };
  const body = await readCapped(response, limits.maxBytes);
  if (body === undefined) return { error: tooLarge };
  const html = /html/i.test(response.headers.get('content-type') ?? '') || looksLikeHtml(body);
  const read = toText(body, html);
  return { ...read, url: read.url ?? url };
}

/** The body as text, or undefined once it passes the cap (the rest is not read). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(body);
}

function toText(body: string, html: boolean): ReleaseText {
  if (html) return htmlToText(body);
  const header = /^URL:[^\n]*\n(?:[A-Za-z]+:[^\n]*\n)*---\n/.exec(body);
  if (!header) return { text: body };
  const out: ReleaseText = { text: body.slice(header[0].length) };
  for (const line of header[0].split('\n')) {
    const [, key, value] = /^([A-Za-z]+):\s*(.*)$/.exec(line) ?? [];
    if (key === 'URL' && value) out.url = value.trim();
    if (key === 'Publisher' && value) out.publisher = value.trim();
  }
  return out;
}

const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,div,tr,section,article,header,footer,blockquote,time';

/** The visible text of an HTML page, one block per line, and its canonical address if it names one. */
export function htmlToText(html: string): ReleaseText {
  const $ = load(html);
  $('script,style,noscript,template,svg,nav').remove();
  $('br').replaceWith('\n');
  $(BLOCKS).each((_, el) => {
    $(el).append('\n');
  });
  const text = $('body')
    .text()
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
  const canonical = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  return canonical && /^https?:\/\//.test(canonical) ? { text, url: canonical } : { text };
}
