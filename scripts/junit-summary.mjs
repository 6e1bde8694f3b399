// Prints "N passed, N failed[, N skipped]" from a JUnit XML report, as the last line of a CI run.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'var/test-report.xml';
let xml;
try {
  xml = readFileSync(file, 'utf8');
} catch {
  console.log('0 passed, 1 failed');
  console.error(`no test report at ${file}`);
  process.exit(1);
}
let total = 0;
let failed = 0;
let skipped = 0;
for (const m of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
  total += 1;
  const body = m[2] ?? '';
  if (/<(failure|error)\b/.test(body)) failed += 1;
  else if (/<skipped\b/.test(body)) skipped += 1;
}
const passed = total - failed - skipped;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || total === 0 ? 1 : 0);
