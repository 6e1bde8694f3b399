// The Teams app manifest: it validates against the JSON schema of its manifestVersion shipped by
// @microsoft/app-manifest (no network), and the icons have the sizes Teams requires. `npm run package:teams` (a
// spawned script, slow project) is test/scripts/package-teams.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { manifest, validatorFor } from './support/teams-manifest.js';

const root = new URL('../../../', import.meta.url).pathname;

/** A PNG's size from its IHDR chunk, and its pixels as RGBA (8-bit RGBA images only, all five row filters). */
function readPng(file: string): { width: number; height: number; colourType: number; rgba: Buffer } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25]!;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      rgba[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, colourType, rgba };
}

describe('the Teams manifest', () => {
  it('uses the newest manifest schema shipped (up to v1.30) and validates against it', () => {
    expect(manifest.manifestVersion).toBe('1.30');
    const validate = validatorFor(manifest.manifestVersion);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is rejected by the same validator when broken (the check can fail)', () => {
    const validate = validatorFor(manifest.manifestVersion);
    const broken = structuredClone(manifest) as Record<string, unknown>;
    (broken.bots as { botId: string }[])[0]!.botId = 'not-a-guid';
    delete broken.icons;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath || e.params)).toEqual(
      expect.arrayContaining(['/bots/0/botId', { missingProperty: 'icons' }]),
    );
  });

  it('declares the bot in personal, team and group chat with command lists, and the search extension', () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) expect(list.commands.map((c) => c.title)).toContain('help');
    const search = manifest.composeExtensions[0]!.commands[0]!;
    expect(search).toMatchObject({ id: 'searchQuery', type: 'query' });
    expect(search.parameters[0]!.name).toBe('searchQuery');
    expect(manifest.validDomains).toEqual(['caac-bot.example.org']);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon, white on transparent', () => {
    const color = readPng(join(root, 'manifests/teams', manifest.icons.color));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(join(root, 'manifests/teams', manifest.icons.outline));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.rgba.length; i += 4) {
      alphas.add(outline.rgba[i + 3]!);
      // Every pixel that shows at all is white.
      if (outline.rgba[i + 3]! > 0) expect([...outline.rgba.subarray(i, i + 3)]).toEqual([255, 255, 255]);
    }
    expect(alphas.has(0) && alphas.has(255)).toBe(true); // transparent background, an opaque mark
  });
});
