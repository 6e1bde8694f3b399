// The one description of the layers of src/: which folder (or top-level file) may import which, and which npm
// packages each may import. test/architecture/boundaries.test.ts is generated from this table (one test per ordered
// pair of layers, one per layer for its packages) and checks that docs/ARCHITECTURE.md shows the same table.
// Change the architecture here first; the arrows must stay one-way (the test refuses a cycle).

/** A layer: the files under one folder of src/ (subfolders included), or one top-level file. */
export interface Layer {
  /** A folder (ending in "/") or a file, relative to the repository root. */
  readonly path: string;
  /** What the layer is for, in a few words (shown in docs/ARCHITECTURE.md). */
  readonly role: string;
  /** The layers it may import (its own files always may). */
  readonly mayImport: readonly LayerName[];
  /** The packages it may import: npm names, or `node:*` for Node's built-ins (none: the layer does no I/O). */
  readonly packages: readonly string[];
}

/** The layers' names, as used in `mayImport`. */
export type LayerName =
  | 'i18n'
  | 'dataset'
  | 'core'
  | 'render'
  | 'storage'
  | 'reminders'
  | 'config'
  | 'logging'
  | 'metrics'
  | 'http'
  | 'slack'
  | 'teams'
  | 'app'
  | 'main'
  | 'secrets-rotate'
  | 'curation'
  | 'cli';

/** The table, from the bottom (imports nothing of ours) to the entry points. */
export const LAYERS: Readonly<Record<LayerName, Layer>> = {
  i18n: {
    path: 'src/i18n/',
    role: 'message catalogue, English and French',
    mayImport: [],
    packages: ['intl-messageformat'],
  },
  dataset: {
    path: 'src/dataset/',
    role: 'schema, loading, calendar, name search, reload',
    mayImport: [],
    packages: ['node:*', 'zod', 'yaml', 'js-yaml', 'minisearch', 'pino'],
  },
  core: {
    path: 'src/core/',
    role: 'commands, answers, the answer model, ports',
    mayImport: ['dataset', 'i18n'],
    packages: ['luxon'],
  },
  render: {
    path: 'src/render/',
    role: 'answer → Block Kit, Adaptive Card, plain text',
    mayImport: ['core', 'i18n'],
    packages: [],
  },
  storage: {
    path: 'src/storage/',
    role: 'database (SQLite, PostgreSQL), migrations',
    mayImport: [],
    packages: ['node:*', 'kysely', 'better-sqlite3', 'pg', 'pino'],
  },
  reminders: {
    path: 'src/reminders/',
    role: 'reminder records, occurrence queue, scheduler',
    mayImport: ['core', 'dataset', 'i18n', 'storage'],
    packages: ['node:*', 'kysely', 'luxon', 'pino'],
  },
  config: {
    path: 'src/config/',
    role: 'environment → typed, frozen config',
    mayImport: ['storage'],
    packages: ['zod'],
  },
  logging: {
    path: 'src/logging.ts',
    role: 'pino logger, secrets scrubbed',
    mayImport: ['config'],
    packages: ['pino'],
  },
  metrics: {
    path: 'src/metrics.ts',
    role: 'Prometheus metrics',
    mayImport: ['core', 'dataset'],
    packages: ['prom-client'],
  },
  http: {
    path: 'src/http/',
    role: 'bodies, limits, readiness, request logs',
    mayImport: ['core', 'logging', 'metrics', 'storage'],
    packages: ['node:*', 'pino'],
  },
  slack: {
    path: 'src/platforms/slack/',
    role: 'Bolt receiver, Slack delivery, installations',
    mayImport: ['config', 'core', 'http', 'i18n', 'render', 'storage'],
    packages: ['node:*', '@slack/bolt', 'kysely', 'pino'],
  },
  teams: {
    path: 'src/platforms/teams/',
    role: 'botbuilder CloudAdapter, Teams delivery',
    mayImport: ['config', 'core', 'http', 'i18n', 'render', 'storage'],
    packages: ['node:*', 'botbuilder', 'botframework-connector', 'pino'],
  },
  app: {
    path: 'src/app.ts',
    role: 'wiring only: the composition root',
    mayImport: [
      'config',
      'core',
      'dataset',
      'http',
      'i18n',
      'logging',
      'metrics',
      'reminders',
      'render',
      'slack',
      'storage',
      'teams',
    ],
    packages: ['node:*', 'pino'],
  },
  main: {
    path: 'src/main.ts',
    role: 'the service entry point',
    mayImport: ['app', 'config', 'logging'],
    packages: ['node:*'],
  },
  'secrets-rotate': {
    path: 'src/secrets-rotate.ts',
    role: '`caac secrets rotate`',
    mayImport: ['config', 'logging', 'storage'],
    packages: [],
  },
  curation: {
    path: 'src/curation/',
    role: '`caac data import`: a release → a dataset change',
    mayImport: ['dataset', 'i18n'],
    packages: ['node:*', 'cheerio', 'diff', 'yaml'],
  },
  cli: {
    path: 'src/cli.ts',
    role: 'the `caac` command line',
    mayImport: ['core', 'curation', 'dataset', 'i18n', 'render', 'secrets-rotate', 'storage'],
    packages: ['node:*', 'luxon'],
  },
};
