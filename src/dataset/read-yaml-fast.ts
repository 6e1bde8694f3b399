// The fast path for reading dataset files: js-yaml is several times quicker than the yaml package, which keeps the
// source ranges that line-numbered problems need. So files are read with js-yaml (YAML 1.2 core schema: no
// timestamps, so `2021-06-30` stays a string, as in the yaml package), and only a file that js-yaml refuses, or that
// has a problem to locate, is read again with the yaml package. test/dataset/read-yaml-fast.test.ts checks that both agree.
import { CORE_SCHEMA, load } from 'js-yaml';

/** The file's value, or undefined when js-yaml will not read it (the yaml package then reads it and says why). */
export function readYamlFast(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}
