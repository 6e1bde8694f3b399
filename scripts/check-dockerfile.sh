#!/usr/bin/env bash
# Performs the Dockerfile's own steps without Docker, then starts the result and waits for /healthz, so that a
# Dockerfile that would not build or start fails CI on machines with no Docker engine.
#
# What it does, stage by stage, in a temporary folder (each stage gets its own root; `/app` is <root>/app):
#   COPY       the same files as `docker build .` (the folder minus .dockerignore), or from an earlier stage (--from)
#   RUN        the same commands, with bash, in the WORKDIR, with the stage's ENV (npm works from the local cache)
#   ENV/WORKDIR/USER/VOLUME/EXPOSE/HEALTHCHECK/CMD  recorded, and checked: a non-root USER, EXPOSE 3000, a VOLUME
#              for /app/var, a HEALTHCHECK
# Then runs the final stage's CMD on a random port (ENV paths under /app mapped into the stage root), waits for
# /healthz to answer 200, runs the HEALTHCHECK command itself against it, and stops it with SIGTERM.
# What it cannot do: install system packages (a RUN with apt-get is not run; the tools it installs must be on this
# machine, and are checked), switch users (USER is checked, not applied), or change ownership to a user this
# machine lacks (chown is then skipped, with a note).
#
# Usage: scripts/check-dockerfile.sh [Dockerfile]     env: KEEP_TMP=1 keeps the temp folder, HEALTH_TIMEOUT_S=60
set -euo pipefail
cd "$(dirname "$0")/.."
DOCKERFILE="${1:-Dockerfile}"
[ -f "$DOCKERFILE" ] || { echo "check-dockerfile: $DOCKERFILE not found" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/caac-dockerfile-XXXXXX")"
HELPER="$WORK/check-dockerfile.mjs"
cleanup() { if [ "${KEEP_TMP:-0}" != "1" ]; then rm -rf "$WORK"; else echo "check-dockerfile: kept $WORK"; fi; }
trap cleanup EXIT

cat >"$HELPER" <<'NODE'
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const [dockerfile, work] = process.argv.slice(2);
const contextDir = process.cwd();
const log = (msg) => console.log(`check-dockerfile: ${msg}`);
const fail = (msg) => {
  console.error(`check-dockerfile: FAILED: ${msg}`);
  process.exit(1);
};

// ---- parse: continuation lines joined, comments and blank lines dropped --------------------------------------
function parse(text) {
  const steps = [];
  let buf = '';
  let startLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (buf === '' && (/^\s*#/.test(line) || line.trim() === '')) return;
    if (buf !== '' && /^\s*#/.test(line)) return; // comments inside a continued instruction
    if (buf === '') startLine = i + 1;
    if (/\\\s*$/.test(line)) {
      buf += line.replace(/\\\s*$/, '') + ' ';
      return;
    }
    buf += line;
    const m = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(buf);
    if (!m) fail(`${dockerfile}:${startLine}: cannot parse "${buf.trim()}"`);
    steps.push({ op: m[1].toUpperCase(), args: m[2].trim(), line: startLine });
    buf = '';
  });
  return steps;
}

// Split leading --flags from the rest.
function flags(args) {
  const out = {};
  let rest = args;
  for (let m; (m = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(rest)); ) {
    out[m[1]] = m[2] ?? true;
    rest = rest.slice(m[0].length);
  }
  return { flags: out, rest };
}

// JSON (exec) form or shell form.
function commandOf(args) {
  if (args.startsWith('[')) {
    try {
      return JSON.parse(args);
    } catch {
      fail(`bad JSON in "${args}"`);
    }
  }
  return ['/bin/sh', '-c', args];
}

function envPairs(args) {
  const out = {};
  if (!args.includes('=')) {
    const [k, ...v] = args.split(/\s+/);
    out[k] = v.join(' ');
    return out;
  }
  const re = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (let m; (m = re.exec(args)); ) out[m[1]] = m[2].replace(/^["']|["']$/g, '');
  return out;
}

// ---- .dockerignore: Go filepath.Match patterns with **, and ! exceptions; the last match wins --------------------
function ignoreRules() {
  const file = path.join(contextDir, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pat = path.posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, '')).replace(/\/+$/, '');
      const re = pat
        .split('/')
        .map((seg) =>
          seg === '**'
            ? '(?:.*)'
            : seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
      return { negate, re: new RegExp(`^${re}(?:/.*)?$`) };
    });
}
const rules = ignoreRules();
function ignored(rel) {
  let out = false;
  for (const r of rules) if (r.re.test(rel)) out = !r.negate;
  return out;
}
// The context as Docker sees it: every file not ignored (a folder is entered unless ignored with no exception under).
function buildContext(dest) {
  let count = 0;
  const walk = (rel) => {
    for (const name of readdirSync(path.join(contextDir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const abs = path.join(contextDir, r);
      const st = statSync(abs);
      if (st.isDirectory()) {
        if (ignored(r) && !rules.some((x) => x.negate)) continue;
        walk(r);
      } else if (!ignored(r)) {
        mkdirSync(path.dirname(path.join(dest, r)), { recursive: true });
        cpSync(abs, path.join(dest, r));
        count++;
      }
    }
  };
  walk('');
  return count;
}

// ---- run -----------------------------------------------------------------------------------------------------
const steps = parse(readFileSync(dockerfile, 'utf8'));
const context = path.join(work, 'context');
mkdirSync(context, { recursive: true });
log(`build context: ${buildContext(context)} files (after .dockerignore)`);

const stages = [];
let stage;
const under = (root, p) => path.join(root, p);
const hasUserNode = spawnSync('id', ['node'], { stdio: 'ignore' }).status === 0;
// Paths in ENV values that point into the image (/app/...) are mapped into the stage root.
const mapEnv = (env, root) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => {
      const top = /^\/([^/]+)/.exec(v)?.[1];
      return [k, top && existsSync(path.join(root, top)) ? path.join(root, v) : v];
    }),
  );
// Globs in COPY sources: `*` and `?` in the last segment.
function expand(base, src) {
  const dir = path.dirname(src);
  const name = path.basename(src);
  if (!/[*?]/.test(name)) return [path.join(base, src)];
  const re = new RegExp(`^${name.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const found = readdirSync(path.join(base, dir)).filter((n) => re.test(n));
  return found.map((n) => path.join(base, dir, n));
}

for (const step of steps) {
  const where = `${dockerfile}:${step.line}: ${step.op}`;
  if (step.op !== 'FROM' && step.op !== 'ARG' && !stage) fail(`${where} before FROM`);
  switch (step.op) {
    case 'FROM': {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(step.args);
      if (!m) fail(`${where}: cannot read "${step.args}"`);
      if (!/^node:20[.-].*(bookworm|bullseye|slim)/.test(m[1]) && !stages.some((s) => s.name === m[1])) {
        fail(`${where}: expected a Debian-based Node 20 image (node:20-bookworm-slim), got ${m[1]}`);
      }
      const name = m[2] ?? String(stages.length);
      const root = path.join(work, 'stages', name);
      mkdirSync(root, { recursive: true });
      stage = { name, image: m[1], root, cwd: root, env: {}, user: 'root', volumes: [], expose: [], health: null, cmd: null };
      stages.push(stage);
      log(`stage ${name} (${m[1]}) in ${root}`);
      break;
    }
    case 'WORKDIR': {
      stage.cwd = step.args.startsWith('/') ? under(stage.root, step.args) : path.join(stage.cwd, step.args);
      mkdirSync(stage.cwd, { recursive: true });
      break;
    }
    case 'ENV':
      Object.assign(stage.env, envPairs(step.args));
      break;
    case 'ARG':
      break;
    case 'COPY':
    case 'ADD': {
      const { flags: f, rest } = flags(step.args);
      const parts = rest.startsWith('[') ? JSON.parse(rest) : rest.split(/\s+/);
      const dest = parts.pop();
      let base = context;
      if (f.from) {
        const from = stages.find((s) => s.name === f.from);
        if (!from) fail(`${where}: no stage named ${f.from}`);
        base = from.root;
      }
      const target = dest.startsWith('/') ? under(stage.root, dest) : path.join(stage.cwd, dest);
      const sources = parts.flatMap((p) => expand(base, f.from ? p : p.replace(/^\/+/, '')));
      if (sources.length === 0) fail(`${where}: nothing matches ${parts.join(' ')}`);
      for (const src of sources) {
        if (!existsSync(src)) fail(`${where}: ${path.relative(work, src)} does not exist (excluded by .dockerignore, or not built?)`);
        const intoDir = dest.endsWith('/') || sources.length > 1 || statSync(src).isDirectory();
        if (statSync(src).isDirectory()) {
          mkdirSync(target, { recursive: true });
          cpSync(src, target, { recursive: true, dereference: false, verbatimSymlinks: true });
        } else {
          const to = intoDir ? path.join(target, path.basename(src)) : target;
          mkdirSync(path.dirname(to), { recursive: true });
          cpSync(src, to);
        }
      }
      log(`${step.op} ${rest}`);
      break;
    }
    case 'RUN': {
      const cmd = step.args;
      if (/\bapt-get\b|\bapk\b/.test(cmd)) {
        // System packages cannot be installed here; check that this machine has the tools they provide.
        const tools = { python3: 'python3', make: 'make', 'g++': 'g++', gcc: 'gcc', 'build-essential': 'gcc', git: 'git' };
        const pkgs = (/install\s+(.*?)(?:&&|;|$)/.exec(cmd)?.[1] ?? '').split(/\s+/).filter((p) => p && !p.startsWith('-'));
        for (const p of pkgs) {
          if (!tools[p]) {
            log(`  note: cannot check system package ${p} here`);
            continue;
          }
          if (spawnSync('sh', ['-c', `command -v '${tools[p]}'`], { stdio: 'ignore' }).status !== 0) {
            fail(`${where}: the build needs ${p}, which this machine lacks`);
          }
        }
        log(`RUN (system packages, not run; tools present: ${pkgs.join(' ')})`);
        break;
      }
      log(`RUN ${cmd}`);
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        // npm from the local cache only: CI machines have no registry access beyond what is cached.
        npm_config_prefer_offline: 'true',
        npm_config_update_notifier: 'false',
        ...mapEnv(stage.env, stage.root),
      };
      // chown to the image's user, where this machine has no such user, is skipped (and said so).
      const prelude = hasUserNode
        ? ''
        : 'chown() { echo "check-dockerfile:   (chown $* skipped: no such user here)"; }; export -f chown; ';
      const started = Date.now();
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', prelude + cmd], { cwd: stage.cwd, env, stdio: 'inherit' });
      if (r.status !== 0) fail(`${where} exited with ${r.status ?? r.signal}`);
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      break;
    }
    case 'USER':
      stage.user = step.args;
      break;
    case 'VOLUME':
      stage.volumes.push(...(step.args.startsWith('[') ? JSON.parse(step.args) : step.args.split(/\s+/)));
      break;
    case 'EXPOSE':
      stage.expose.push(...step.args.split(/\s+/).map((p) => p.replace(/\/tcp$/, '')));
      break;
    case 'HEALTHCHECK': {
      const { rest } = flags(step.args);
      if (!/^CMD\s+/i.test(rest)) fail(`${where}: expected HEALTHCHECK [options] CMD ...`);
      stage.health = commandOf(rest.replace(/^CMD\s+/i, ''));
      break;
    }
    case 'CMD':
      stage.cmd = commandOf(step.args);
      break;
    case 'ENTRYPOINT':
    case 'LABEL':
    case 'STOPSIGNAL':
      break;
    default:
      fail(`${where}: instruction not understood by this check`);
  }
}

// ---- the final stage: static checks, then start it -------------------------------------------------------------
const final = stages.at(-1);
if (!final) fail('no FROM');
if (stages.length < 2) fail('expected a multi-stage build');
if (/^(root|0)(:|$)/.test(final.user)) fail('the final stage runs as root: add USER node');
if (!final.expose.includes('3000')) fail('EXPOSE 3000 missing');
if (!final.volumes.includes('/app/var')) fail('VOLUME /app/var missing (the SQLite folder)');
if (!final.health) fail('HEALTHCHECK missing');
if (!final.cmd) fail('CMD missing');
if (existsSync(path.join(final.cwd, 'node_modules', 'typescript'))) fail('dev dependencies left in the final stage');
log(`final stage: user ${final.user}, volumes ${final.volumes.join(' ')}, expose ${final.expose.join(' ')}`);

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const runEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...mapEnv(final.env, final.root),
  PORT: String(port),
  HOST: '127.0.0.1',
};
log(`starting ${JSON.stringify(final.cmd)} on 127.0.0.1:${port}`);
const child = spawn(final.cmd[0], final.cmd.slice(1), { cwd: final.cwd, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));
let exited = null;
child.on('exit', (code, signal) => (exited = { code, signal }));

const deadline = Date.now() + Number(process.env.HEALTH_TIMEOUT_S ?? 60) * 1000;
let healthy = false;
while (Date.now() < deadline && !exited) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    if (res.status === 200) {
      healthy = true;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 250));
}
const stop = async () => {
  if (exited) return exited;
  child.kill('SIGTERM');
  const t = Date.now();
  while (!exited && Date.now() - t < 10_000) await new Promise((r) => setTimeout(r, 100));
  if (!exited) {
    child.kill('SIGKILL');
    log('the service did not stop within 10 s of SIGTERM (killed)');
  }
  return exited;
};
if (!healthy) {
  await stop();
  console.error(output.split('\n').slice(-40).join('\n'));
  fail(exited && !healthy ? `the service exited (${JSON.stringify(exited)}) before /healthz answered` : '/healthz did not answer 200 in time');
}
log('/healthz answered 200');
const hc = spawnSync(final.health[0], final.health.slice(1), { cwd: final.cwd, env: runEnv, timeout: 10_000 });
if (hc.status !== 0) {
  await stop();
  fail(`the HEALTHCHECK command exited with ${hc.status ?? hc.signal}`);
}
log('the HEALTHCHECK command passed');
const end = await stop();
log(`stopped (${end?.signal ?? `exit ${end?.code}`})`);
log('OK');
NODE

node "$HELPER" "$DOCKERFILE" "$WORK"
