// Reads the scheduler's structured log lines from a service process: which reminders it posted, and how.
import type { ServiceProcess } from './service-process.js';

/** One "reminder posted" line. */
export interface PostedLine {
  reminderId: string;
  outcome: string;
  owner: string;
  /** When the service logged it (ms since the epoch). */
  time: number;
  dueAt: string;
}

/** The "reminder posted" lines this process logged, optionally for one reminder only. */
export function postedLines(service: ServiceProcess, reminderId?: string): PostedLine[] {
  return service
    .logs()
    .filter((l) => l.msg === 'reminder posted' && (reminderId === undefined || l.reminderId === reminderId))
    .map((l) => ({
      reminderId: String(l.reminderId),
      outcome: String(l.outcome),
      owner: String(l.owner),
      time: Date.parse(String(l.time)),
      dueAt: String(l.dueAt),
    }));
}

/** The reminder id in a "Reminder <id> set" answer. */
export function reminderIdIn(answer: string): string {
  const m = /Reminder ([a-z0-9]+) set/.exec(answer);
  if (!m) throw new Error(`no "Reminder <id> set" in the answer: ${answer.slice(0, 500)}`);
  return m[1]!;
}
