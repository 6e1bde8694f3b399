// The Dockerfile check itself, on small Dockerfiles (the real one is run by CI: .ci/run → scripts/check-dockerfile.sh).
// A good one passes: its steps run, its CMD answers /healthz, its HEALTHCHECK passes. Each kind of bad one fails.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/check-dockerfile.sh');
const dir = mkdtempSync(join(tmpdir(), 'caac-check-dockerfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A one-line service: answers /healthz on $PORT, exits on SIGTERM.
const SERVER = `require('http').createServer((q,s)=>{s.statusCode=q.url==='/healthz'?200:404;s.end()}).listen(process.env.PORT,process.env.HOST);process.on('SIGTERM',()=>process.exit(0))`;

function dockerfile(overrides: Partial<Record<'user' | 'cmd' | 'health' | 'run' | 'copy', string>> = {}): string {
  return [
    'FROM node:20-bookworm-slim AS build',
    'WORKDIR /app',
    overrides.copy ?? 'COPY package.json ./',
    overrides.run ?? 'RUN mkdir -p out && cp package.json out/',
    'FROM node:20-bookworm-slim',
    'ENV NODE_ENV=production CAAC_DB_PATH=/app/var/caac.sqlite',
    'WORKDIR /app',
    'COPY --from=build /app/out ./',
    'RUN mkdir -p var && chown node:node var',
    overrides.user ?? 'USER node',
    'VOLUME ["/app/var"]',
    'EXPOSE 3000',
    overrides.health ??
      `HEALTHCHECK --interval=30s \\\n  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]`,
    overrides.cmd ?? `CMD ["node", "-e", ${JSON.stringify(SERVER)}]`,
    '',
  ].join('\n');
}

function check(text: string): Promise<{ code: number; out: string }> {
  const file = join(dir, `Dockerfile.${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, text);
  return new Promise((resolve) => {
    execFile(
      'bash',
      [script, file],
      { cwd: root, timeout: 60_000, env: { ...process.env, HEALTH_TIMEOUT_S: '15' } },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: stdout + stderr });
      },
    );
  });
}

describe('scripts/check-dockerfile.sh', () => {
  it('passes a Dockerfile whose steps run and whose service answers /healthz', async () => {
    const { code, out } = await check(dockerfile());
    expect(out).toContain('/healthz answered 200');
    expect(out).toContain('the HEALTHCHECK command passed');
    expect(code, out).toBe(0);
  }, 60_000);

  it.each([
    ['a failing RUN', { run: 'RUN false' }, /RUN exited with 1/],
    ['a COPY of a file the context lacks', { copy: 'COPY no-such-file.txt ./' }, /does not exist|nothing matches/],
    [
      'a COPY of a file .dockerignore excludes',
      { copy: 'COPY node_modules/.package-lock.json ./' },
      /does not exist|nothing matches/,
    ],
    ['a root user', { user: 'USER root' }, /runs as root/],
    ['no HEALTHCHECK', { health: '' }, /HEALTHCHECK missing/],
    ['a CMD that exits', { cmd: 'CMD ["node", "-e", "process.exit(3)"]' }, /exited .* before \/healthz answered/],
    [
      'a HEALTHCHECK that fails',
      { health: 'HEALTHCHECK CMD ["node", "-e", "process.exit(1)"]' },
      /HEALTHCHECK command exited with 1/,
    ],
  ])(
    'fails %s',
    async (_what, overrides, message) => {
      const { code, out } = await check(dockerfile(overrides));
      expect(code, out).not.toBe(0);
      expect(out).toMatch(message);
    },
    60_000,
  );
});
