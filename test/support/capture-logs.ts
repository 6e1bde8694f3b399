// A pino destination that keeps every line, for tests that assert on what was (and was not) logged.
import { Writable } from 'node:stream';

/** A writable stream that collects log lines; `lines()` parses them, `text()` is the raw output. */
export function captureLogs(): Writable & { text(): string; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, {
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  });
}
