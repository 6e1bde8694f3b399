// `npm run package:teams` (scripts/package-teams.mjs, spawned): writes the Teams app zip with the placeholders filled
// in, which validates against the manifest's JSON schema, or refuses with one line per problem (exit 2).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { type manifest, validatorFor } from '../platforms/teams/support/teams-manifest.js';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

describe('npm run package:teams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caac-teams-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(root, 'scripts/package-teams.mjs');
  const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

  it('writes a zip with the app id and host filled in, which validates', async () => {
    const out = join(dir, 'app.zip');
    const { stdout } = await run(process.execPath, [script, '--host', 'https://caac.example.net/', '--out', out], {
      env: { ...process.env, MicrosoftAppId: appId, TEAMS_APP_ID: '' },
    });
    expect(stdout).toContain(out);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as typeof manifest & {
      developer: { websiteUrl: string };
    };
    expect(packed.id).toBe(appId);
    expect(packed.bots[0]!.botId).toBe(appId);
    expect(packed.composeExtensions[0]!.botId).toBe(appId);
    expect(packed.validDomains).toEqual(['caac.example.net']);
    expect(packed.developer.websiteUrl).toBe('https://caac.example.net/');
    expect(JSON.stringify(packed)).not.toContain('00000000-0000-0000-0000-000000000000');
    expect(validatorFor(packed.manifestVersion)(packed)).toBe(true);
  });

  it('refuses without an app id or host, one line per problem, exit 2', async () => {
    const failure = await run(process.execPath, [script, '--out', join(dir, 'none.zip')], {
      env: { ...process.env, MicrosoftAppId: '', CAAC_PUBLIC_HOST: '' },
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split('\n')).toEqual([
      "package:teams: MicrosoftAppId: required (the bot's app id): set the variable or pass --app-id",
      'package:teams: CAAC_PUBLIC_HOST: required (the public host name of the service): set the variable or pass --host',
    ]);
  });
});
