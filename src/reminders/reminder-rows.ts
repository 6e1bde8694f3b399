// Rows of the reminder tables to the reminder model and back, shared by the two kysely stores (records, queue).
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ChannelRef } from '../core/ports.js';
import { channelKey } from '../core/ports.js';
import type { OccurrencesTable, RemindersTable } from '../storage/database-schema.js';
import type { Occurrence, OccurrenceOutcome, Reminder, Weekday } from './reminder.js';

// No 0/o, 1/l/i: ids are read aloud and typed by hand.
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short reminder id: 6 characters, about 8·10^8 values; collisions are retried on insert. */
export function newReminderId(): string {
  const bytes = randomBytes(6);
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** An instant as stored: ISO 8601 in UTC with milliseconds (sorts as text in both databases). */
export const iso = (d: Date): string => d.toISOString();

/** Rows per multi-row INSERT and ids per IN list: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const CHUNK = 500;

/** The columns that name a reminder's channel. */
export function channelColumns(channel: ChannelRef) {
  return {
    channel_key: channelKey(channel),
    platform: channel.platform,
    workspace_id: channel.workspaceId,
    channel_id: channel.channelId,
    channel_name: channel.name ?? null,
    enterprise_id: channel.enterpriseId ?? null,
  };
}

/** A reminders row as the model's Reminder. */
export function toReminder(row: Selectable<RemindersTable>): Reminder {
  const channel: ChannelRef = {
    platform: row.platform as ChannelRef['platform'],
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    ...(row.channel_name !== null ? { name: row.channel_name } : {}),
    ...(row.enterprise_id !== null ? { enterpriseId: row.enterprise_id } : {}),
  };
  const base = {
    id: row.id,
    channel,
    channelKey: row.channel_key,
    tz: row.tz,
    createdAt: new Date(row.created_at),
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.disabled_at !== null
      ? { disabled: { at: new Date(row.disabled_at), reason: row.disabled_reason ?? '' } }
      : {}),
  };
  if (row.kind === 'once')
    return { ...base, kind: 'once', text: row.text ?? '', fireAt: new Date(row.fire_at ?? row.created_at) };
  if (row.kind === 'stale') return { ...base, kind: 'stale', at: row.time_of_day ?? '09:00' };
  if (row.kind === 'digest') {
    const weekday = Number(row.weekday ?? 1);
    return {
      ...base,
      kind: 'digest',
      weekday: (weekday >= 1 && weekday <= 7 ? weekday : 1) as Weekday,
      at: row.time_of_day ?? '09:00',
      withinDays: Number(row.within_days ?? 30),
      countries: (row.countries ?? '').split(',').filter((x) => x !== ''),
      always: Number(row.post_always ?? 0) === 1,
    };
  }
  return {
    ...base,
    kind: 'subscription',
    target: { kind: row.target_kind === 'mission' ? 'mission' : 'country', id: row.target_id ?? '' },
    leadDays: (row.lead_days ?? '')
      .split(',')
      .filter((x) => x !== '')
      .map(Number),
    at: row.time_of_day ?? '09:00',
  };
}

/** A reminder_occurrences row as the model's Occurrence. */
export function toOccurrence(row: Selectable<OccurrencesTable>): Occurrence {
  return {
    id: row.id,
    reminderId: row.reminder_id,
    key: row.occurrence_key,
    ...(row.event_id !== null ? { eventId: row.event_id } : {}),
    ...(row.lead_days !== null ? { leadDays: Number(row.lead_days) } : {}),
    dueAt: new Date(row.due_at),
    status: row.status,
    ...(row.outcome !== null ? { outcome: row.outcome as OccurrenceOutcome } : {}),
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    ...(row.lease_until !== null ? { leaseUntil: new Date(row.lease_until) } : {}),
    ...(row.claimed_by !== null ? { claimedBy: row.claimed_by } : {}),
    possibleRepeat: Number(row.possible_repeat) === 1,
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    ...(row.recorded_at !== null ? { recordedAt: new Date(row.recorded_at) } : {}),
  };
}
