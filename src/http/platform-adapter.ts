// What the HTTP server sees of a platform (Slack, Teams): which requests are its, how it answers them, and how it
// posts reminders. Both adapters have this shape; each reads its own body, answers its own "off" and counts its own
// refusals, so the server knows nothing of any platform.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Delivery } from '../core/delivery.js';

/** Why a platform refused a request at the edge (counted in the metrics by the composition root). */
export type Refusal = 'body-too-large' | 'bad-signature' | 'unauthenticated';

/** A platform's side of the service. */
export interface PlatformAdapter {
  /** Whether the platform is configured (its delivery posts); when not, its routes answer 503. */
  readonly enabled: boolean;
  /** Posts reminders to this platform's channels; when not `enabled`, it refuses every channel. */
  readonly delivery: Delivery;
  /** Whether this request is the platform's to answer (its routes, also when it is off). */
  handles(method: string, path: string): boolean;
  /** The methods one of its paths accepts (the server answers any other with 405 and `Allow`); undefined: not its. */
  methods(path: string): readonly string[] | undefined;
  /** Answers a request that `handles` accepted (`path` as `handles` saw it); the body has not been read. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): void | Promise<void>;
  /** Called once the response is sent, with its path and status (refusals the SDK decided, e.g. Bolt's 401). */
  finished?(path: string, status: number): void;
  /** Starts background work (never waited on by a request); resolves at once. */
  start(): Promise<void>;
  /** Stops background work. */
  stop(): Promise<void>;
}
