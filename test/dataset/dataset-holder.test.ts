// Hot reload: a valid change is served without restart; an invalid one is refused, logged, and the old data still
// answers. Runs on a copy of the real dataset in a temp folder.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetHolder } from '../../src/dataset/dataset-holder.js';
import type { DatasetHolder } from '../../src/dataset/dataset-holder.js';
import { defaultDataDir } from '../../src/dataset/load-dataset.js';
import { createLogger } from '../../src/logging.js';
import { captureLogs } from '../support/capture-logs.js';

let dir: string;
let holder: DatasetHolder | undefined;
const mali = () => path.join(dir, 'countries', 'mali.yaml');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'caac-reload-'));
  await cp(defaultDataDir(), dir, { recursive: true });
});
afterEach(async () => {
  holder?.close();
  holder = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function until<T>(probe: () => T | undefined, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('createDatasetHolder', () => {
  it('refuses to serve before the first load, then serves the loaded dataset', async () => {
    const logs = captureLogs();
    holder = createDatasetHolder({ dir, logger: createLogger({ destination: logs }) });
    expect(() => holder!.current()).toThrow(/no dataset loaded/);
    expect(holder.version()).toBeUndefined();
    const first = await holder.reload('start');
    expect(first).toMatchObject({ ok: true, changed: true });
    expect(holder.current().countries.get('mali')?.name).toBe('Mali');
    expect(await holder.reload()).toMatchObject({ ok: true, changed: false, version: holder.version() });
  });

  it('prepares each valid dataset before it is served (indexes), never a refused one; a failing prepare still serves', async () => {
    const logs = captureLogs();
    const prepared: Array<{ version: string; servedThen: string | undefined }> = [];
    holder = createDatasetHolder({
      dir,
      logger: createLogger({ destination: logs }),
      prepare: (next) => {
        // Called before the swap: requests still see the previous dataset while indexes are built.
        prepared.push({ version: next.version, servedThen: holder!.version() });
        if (next.countries.get('mali')?.name === 'Mali Prepared Badly') throw new Error('index build failed');
      },
    });
    const first = await holder.reload('start');
    expect(prepared).toEqual([{ version: holder.version(), servedThen: undefined }]);
    await holder.reload(); // same files: nothing new to prepare
    expect(prepared).toHaveLength(1);

    const original = await readFile(mali(), 'utf8');
    await writeFile(mali(), original.replace('iso2: ML', 'iso2: not-an-iso-code'));
    expect(await holder.reload()).toMatchObject({ ok: false });
    expect(prepared).toHaveLength(1);

    await writeFile(mali(), original.replace(/^(\s*)name: Mali$/m, '$1name: Mali Prepared Badly'));
    const next = await holder.reload();
    expect(next).toMatchObject({ ok: true, changed: true });
    expect(prepared[1]).toEqual({ version: next.version, servedThen: first.version });
    expect(holder.current().countries.get('mali')?.name).toBe('Mali Prepared Badly');
    expect(logs.text()).toContain('preparing the new dataset failed');
  });

  it('serves a valid file change without restart (watch), telling onChange, and swaps the dataset whole', async () => {
    const logs = captureLogs();
    const changes: Array<[string, string | undefined]> = [];
    holder = createDatasetHolder({
      dir,
      logger: createLogger({ destination: logs }),
      debounceMs: 50,
      onChange: (next, prev) => void changes.push([next.version, prev?.version]),
    });
    await holder.reload();
    const before = holder.current();
    const v1 = before.version;
    holder.watch();
    const text = await readFile(mali(), 'utf8');
    expect(text).toContain('lead_country:\n    - { value: France');
    await writeFile(
      mali(),
      text.replace('lead_country:\n    - { value: France', 'lead_country:\n    - { value: Niger'),
    );
    const after = await until(() => (holder!.version() !== v1 ? holder!.current() : undefined));
    expect(after.countries.get('mali')?.lead_country[0]?.value).toBe('Niger');
    // The old object was not mutated: a request holding it finishes on consistent data.
    expect(before.countries.get('mali')?.lead_country[0]?.value).toBe('France');
    expect(changes).toEqual([
      [v1, undefined],
      [after.version, v1],
    ]);
    expect(logs.lines().some((l) => String(l.msg).startsWith(`dataset reloaded: version ${after.version}`))).toBe(true);
  });

  it('refuses an invalid change, logs every problem as file:line, and keeps serving the old data', async () => {
    const logs = captureLogs();
    const refused: string[][] = [];
    holder = createDatasetHolder({
      dir,
      logger: createLogger({ destination: logs }),
      debounceMs: 50,
      onRefused: (p) => void refused.push(p),
    });
    await holder.reload();
    const v1 = holder.version();
    const text = await readFile(mali(), 'utf8');
    await writeFile(mali(), text.replace('iso2: ML', 'iso2: mali'));
    const result = await holder.reload('SIGHUP');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.version).toBe(v1);
    expect(result.problems.some((p) => /countries\/mali\.yaml:\d+: country\.iso2: /.test(p))).toBe(true);
    expect(holder.version()).toBe(v1);
    expect(holder.current().countries.get('mali')?.iso2).toBe('ML');
    expect(refused).toHaveLength(1);
    const line = logs.lines().find((l) => String(l.msg).startsWith('dataset reload refused'));
    expect(line?.level).toBe('error');
    expect(line?.served).toBe(v1);
    expect((line?.problems as string[] | undefined)?.join('\n')).toContain('country.iso2');

    // Broken YAML too; then a fix is taken up again.
    await writeFile(mali(), 'country: [unclosed\n');
    expect((await holder.reload()).ok).toBe(false);
    expect(holder.current().countries.get('mali')?.iso2).toBe('ML');
    await writeFile(mali(), text.replace('name: Mali', 'name: Mali (edited)'));
    expect(await holder.reload()).toMatchObject({ ok: true, changed: true });
    expect(holder.current().countries.get('mali')?.name).toBe('Mali (edited)');
  });

  it('reloads on SIGHUP', async () => {
    holder = createDatasetHolder({ dir, logger: createLogger({ level: 'silent' }) });
    await holder.reload();
    const v1 = holder.version();
    const stop = holder.reloadOnSignal('SIGHUP');
    const text = await readFile(mali(), 'utf8');
    await writeFile(mali(), text.replace('name: Mali', 'name: Mali (hup)'));
    process.kill(process.pid, 'SIGHUP');
    await until(() => (holder!.version() !== v1 ? true : undefined));
    expect(holder.current().countries.get('mali')?.name).toBe('Mali (hup)');
    stop();
    expect(process.listenerCount('SIGHUP')).toBe(0);
  });

  it('never overlaps reloads: calls during a reload share one follow-up', async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = (await import('../../src/dataset/load-dataset.js')).loadDataset;
    holder = createDatasetHolder({
      dir,
      logger: createLogger({ level: 'silent' }),
      load: async (d) => {
        loads++;
        if (loads === 1) await gate;
        return real(d);
      },
    });
    const a = holder.reload();
    const b = holder.reload();
    const c = holder.reload();
    expect(b).toBe(c);
    release();
    await Promise.all([a, b, c]);
    expect(loads).toBe(2);
  });
});
