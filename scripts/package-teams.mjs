#!/usr/bin/env node
// `npm run package:teams`: the zip a Teams admin uploads (manifest.json, color.png, outline.png at its root), made
// from manifests/teams/ with the placeholders filled in, and checked against the manifest's JSON schema before it is
// written, so an upload never fails on a typo.
// https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
//
// Usage: npm run package:teams -- [--app-id <guid>] [--teams-app-id <guid>] [--host <public host>] [--out <zip>]
//   --app-id        the bot's Microsoft App ID            (default: env MicrosoftAppId)
//   --teams-app-id  the Teams app's own id                (default: env TEAMS_APP_ID, else the bot's app id)
//   --host          where the service is reachable, e.g. caac.example.org (default: env CAAC_PUBLIC_HOST)
//   --out           the zip to write                      (default: var/caac-bot-teams.zip)
// Exit codes: 0 written; 2 a missing or bad value, or a manifest the schema rejects (one line per problem).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestDir = join(root, 'manifests', 'teams');

/** The placeholders of the committed manifest: an all-zero GUID for the ids, example.org for the host. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
export const PLACEHOLDER_HOST = 'caac-bot.example.org';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/** Validates a manifest against the JSON schema of its manifestVersion, shipped by @microsoft/app-manifest (no network). */
export function validateManifest(manifest) {
  const version = manifest.manifestVersion;
  let schema;
  try {
    schema = require(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  } catch {
    return [`manifestVersion: no schema shipped for "${version}"`];
  }
  const Ajv = require('ajv').default;
  const addFormats = require('ajv-formats').default;
  // The Teams schemas declare draft-04; the keywords they use mean the same in Ajv's default draft, so the
  // declaration is dropped rather than adding a draft-04 validator.
  const { $schema: _draft, ...body } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(body);
  if (validate(manifest)) return [];
  return validate.errors.map(
    (e) => `manifest${e.instancePath || ''}: ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

/** Fills the placeholders and returns the package's files, or the problems. */
export function buildTeamsPackage({ appId, teamsAppId, host, version }) {
  const problems = [];
  if (!appId) problems.push("MicrosoftAppId: required (the bot's app id): set the variable or pass --app-id");
  else if (!GUID.test(appId) || appId === PLACEHOLDER_ID)
    problems.push(`MicrosoftAppId: must be the bot's GUID, got '${appId}'`);
  const teamsId = teamsAppId || appId;
  if (teamsAppId && (!GUID.test(teamsAppId) || teamsAppId === PLACEHOLDER_ID))
    problems.push(`TEAMS_APP_ID: must be a GUID, got '${teamsAppId}'`);
  const bareHost = (host ?? '').replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
  if (!bareHost)
    problems.push('CAAC_PUBLIC_HOST: required (the public host name of the service): set the variable or pass --host');
  else if (!HOST.test(bareHost) || bareHost === PLACEHOLDER_HOST)
    problems.push(`CAAC_PUBLIC_HOST: must be a public host name such as caac.example.org, got '${host}'`);
  if (problems.length > 0) return { ok: false, problems };

  const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(template, (key, value) => {
    if (typeof value !== 'string') return value;
    if (key === 'id' && value === PLACEHOLDER_ID) return teamsId.toLowerCase();
    if (value === PLACEHOLDER_ID) return appId.toLowerCase();
    return value.split(PLACEHOLDER_HOST).join(bareHost);
  });
  if (version) manifest.version = version;
  const invalid = validateManifest(manifest);
  if (invalid.length > 0) return { ok: false, problems: invalid };
  return {
    ok: true,
    manifest,
    files: {
      'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': readFileSync(join(manifestDir, manifest.icons.color)),
      'outline.png': readFileSync(join(manifestDir, manifest.icons.outline)),
    },
  };
}

function argsOf(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return { error: `unexpected argument '${argv[i]}'` };
    out[m[1]] = m[2] ?? argv[++i];
    if (out[m[1]] === undefined) return { error: `--${m[1]} needs a value` };
  }
  return out;
}

function main() {
  const args = argsOf(process.argv.slice(2));
  if (args.error) {
    console.error(`package:teams: ${args.error}`);
    process.exit(2);
  }
  const known = new Set(['app-id', 'teams-app-id', 'host', 'out']);
  const unknown = Object.keys(args).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    console.error(`package:teams: unknown option --${unknown[0]} (known: --app-id, --teams-app-id, --host, --out)`);
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const result = buildTeamsPackage({
    appId: args['app-id'] ?? process.env.MicrosoftAppId,
    teamsAppId: args['teams-app-id'] ?? process.env.TEAMS_APP_ID,
    host: args.host ?? process.env.CAAC_PUBLIC_HOST,
    version: pkg.version,
  });
  if (!result.ok) {
    for (const p of result.problems) console.error(`package:teams: ${p}`);
    process.exit(2);
  }
  const out = resolve(args.out ?? join(root, 'var', 'caac-bot-teams.zip'));
  mkdirSync(dirname(out), { recursive: true });
  // A fixed date keeps the zip byte-for-byte the same for the same inputs.
  const mtime = new Date('2020-01-01T00:00:00Z');
  const zip = zipSync(
    Object.fromEntries(Object.entries(result.files).map(([name, data]) => [name, [new Uint8Array(data), { mtime }]])),
    { level: 9 },
  );
  writeFileSync(out, zip);
  console.log(
    `wrote ${out}: Teams app ${result.manifest.id} for bot ${result.manifest.bots[0].botId} at ${result.manifest.validDomains.join(', ')}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
