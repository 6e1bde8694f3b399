// The request metrics of every platform's commands: one timing per command, labelled with its platform, its kind and
// its outcome only (never the user's text).
import type { Command } from '../core/command.js';
import type { Metrics } from '../metrics.js';
import type { CommandAnswerer } from './rate-limit.js';

/** Wraps a core so that every command it answers (or fails to) is counted and timed. */
export function meterCore<T extends CommandAnswerer>(core: T, metrics: Pick<Metrics, 'startRequest'>): T {
  return {
    ...core,
    async answer(command: Command, context) {
      const done = metrics.startRequest();
      try {
        const answer = await core.answer(command, context);
        done({ platform: context.platform, command: command.kind, outcome: answer.outcome });
        return answer;
      } catch (err) {
        done({ platform: context.platform, command: command.kind, outcome: 'error' });
        throw err;
      }
    },
  };
}
