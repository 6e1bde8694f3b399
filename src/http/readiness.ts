// /readyz: ready when the dataset is loaded, the database answers and the service is not stopping. When it is not
// ready, the answer says why in words an operator can act on (the load balancer only reads the 503). The database
// check is bounded in time, since a PostgreSQL behind a dropped network may never answer, and shared by concurrent
// probes, so that a slow database is not piled up with connection attempts.
import { scrubString } from '../logging.js';
import type { Storage } from '../storage/open-database.js';

/** What /readyz answers: the HTTP status follows `ok` (200 or 503). */
export interface Readiness {
  ok: boolean;
  body: {
    status: 'ready' | 'not ready';
    dataset: { version: string } | 'not loaded';
    /** e.g. "sqlite: reachable", "postgres: unreachable (connection refused at 127.0.0.1:5432)". */
    database: string;
    /** Why it is not ready, one line each; absent when ready. */
    reasons?: string[];
    stopping?: true;
  };
}

/** Where the readiness check looks. */
export interface ReadinessOptions {
  datasetVersion: () => string | undefined;
  storage: () => Storage | undefined;
  stopping: () => boolean;
  /** True while the service is still starting (the platforms not connected yet); not ready meanwhile. */
  starting?: () => boolean;
  /** How long the database may take to answer; default 2 s. */
  timeoutMs?: number;
  /** Values never to show (the database password, tokens), even inside a driver's message. */
  secrets?: readonly string[];
}

/** Creates the /readyz check. */
export function createReadinessCheck(options: ReadinessOptions): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let inFlight: Promise<string | undefined> | undefined;

  // Undefined when the database answered; otherwise why not.
  const pingDatabase = (storage: Storage): Promise<string | undefined> =>
    (inFlight ??= new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
      storage
        .ping()
        .then(
          () => resolve(undefined),
          (err: unknown) => resolve(describeDatabaseError(err)),
        )
        .finally(() => clearTimeout(timer));
    }).finally(() => {
      inFlight = undefined;
    }));

  return async () => {
    const version = options.datasetVersion();
    const storage = options.storage();
    const stopping = options.stopping();
    const reasons: string[] = [];
    if (version === undefined) reasons.push('dataset not loaded');
    let database: string;
    if (!storage) {
      database = 'not open';
      reasons.push('database not open');
    } else {
      const problem = await pingDatabase(storage);
      const why = problem === undefined ? undefined : truncate(scrubString(problem, options.secrets ?? []), 200);
      database = why === undefined ? `${storage.dialect}: reachable` : `${storage.dialect}: unreachable (${why})`;
      if (why !== undefined) reasons.push(`database unreachable: ${why}`);
    }
    if (options.starting?.() && version !== undefined && storage)
      reasons.push('starting: the platforms are being connected');
    if (stopping) reasons.push('stopping: the service is shutting down');
    const ok = reasons.length === 0;
    return {
      ok,
      body: {
        status: ok ? 'ready' : 'not ready',
        dataset: version !== undefined ? { version } : 'not loaded',
        database,
        ...(ok ? {} : { reasons }),
        ...(stopping ? { stopping: true as const } : {}),
      },
    };
  };
}

// A driver error in an operator's words: the network's codes spelled out, the rest as the driver says it.
function describeDatabaseError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown; message?: unknown };
  const at = typeof e.address === 'string' ? ` at ${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}` : '';
  switch (e.code) {
    case 'ECONNREFUSED':
      return `connection refused${at}`;
    case 'ECONNRESET':
      return `connection reset${at}`;
    case 'ETIMEDOUT':
      return `connection timed out${at}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host not found${typeof e.hostname === 'string' ? ` (${e.hostname})` : ''}`;
    default: {
      // kysely after destroy(), better-sqlite3 after close(): the handle is gone, which an operator reads as closed.
      if (
        typeof e.message === 'string' &&
        /driver has already been destroyed|connection is not open/i.test(e.message)
      ) {
        return 'the database connection is closed';
      }
      const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
      // PostgreSQL's own refusals carry a SQLSTATE (28P01 wrong password, 57P01 shut down, 3D000 no such database).
      return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? `${message} (SQLSTATE ${e.code})` : message;
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
