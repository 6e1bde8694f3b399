// The fast path for reading dataset files: js-yaml is several times quicker than the yaml package, which keeps the
// source ranges that line-numbered problems need. So files are read with js-yaml (YAML 1.2 core schema: no
// timestamps, so `2021-06-30` stays a string, as in the yaml package), and only a file that js-yaml refuses, or that
// has a problem to locate, is read again with the yaml package. test/dataset/read-yaml-fast.test.ts checks that both agree.
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/** What js-yaml made of a text: its value, or why it refused it (1-based line). */
export type FastRead = { ok: true; value: unknown } | { ok: false; line: number; message: string; tooDeep: boolean };

/** The file's value, or undefined when js-yaml will not read it (the yaml package then reads it and says why). */
export function readYamlFast(text: string): unknown {
  const read = readYamlFastOrWhy(text);
  return read.ok ? read.value : undefined;
}

/** The file's value, or js-yaml's reason for refusing it (for files too big to give the yaml package). */
export function readYamlFastOrWhy(text: string): FastRead {
  try {
    // An empty document is null in YAML (and in the yaml package); js-yaml gives undefined.
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) ?? null };
  } catch (err) {
    if (err instanceof YAMLException)
      return { ok: false, line: (err.mark?.line ?? 0) + 1, message: err.reason || 'is not valid YAML', tooDeep: false };
    // js-yaml reads nested nodes recursively: a file nested thousands deep runs out of stack (a RangeError).
    const tooDeep = err instanceof RangeError;
    return { ok: false, line: 1, message: tooDeep ? 'nests too deep' : String(err), tooDeep };
  }
}
