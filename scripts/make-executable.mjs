// tsc writes files without the executable bit; npm runs a package's own bin (`npx caac`) directly, so it needs it.
import { chmodSync, existsSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  if (existsSync(file)) chmodSync(file, 0o755);
}
