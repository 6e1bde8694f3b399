// The Teams app manifest as committed, and the validator for its manifestVersion from the JSON schemas that
// @microsoft/app-manifest ships (no network): shared by the manifest test and the package:teams script test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const root = new URL('../../../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** manifests/teams/manifest.json, as far as the tests read it. */
export const manifest = JSON.parse(readFileSync(join(root, 'manifests/teams/manifest.json'), 'utf8')) as {
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  composeExtensions: { botId: string; commands: { id: string; type: string; parameters: { name: string }[] }[] }[];
  validDomains: string[];
};

const compiled = new Map<string, ValidateFunction>();

/** The JSON schema validator of a manifest version, compiled with Ajv once per version (compiling takes a second). */
export function validatorFor(version: string): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    validate = compile(version);
    compiled.set(version, validate);
  }
  return validate;
}

function compile(version: string): ValidateFunction {
  const schema = require(
    `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
  ) as Record<string, unknown>;
  // The schema declares draft-04; its keywords mean the same in Ajv's default draft.
  const { $schema: _draft, ...body } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(body);
}
