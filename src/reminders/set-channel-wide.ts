// A channel holds one digest and one set of curator notices at most: setting one changes the one the channel has (same
// id), else adds it; a request racing another that added one a moment ago changes that one (the later word wins).
import type { ChannelWideInput } from './remind-digest.js';
import type { ChannelWideReminder, NewDigest, NewStale } from './reminder.js';
import { MAX_REMINDERS_PER_CHANNEL } from './reminder-commands-deps.js';

/** Sets a channel's digest or notices; undefined when the channel is full. `changed`: an existing one was changed. */
export async function setChannelWide(
  input: ChannelWideInput,
  settings: ({ kind: 'digest' } & NewDigest) | ({ kind: 'stale' } & NewStale),
): Promise<{ reminder: ChannelWideReminder; changed: boolean } | undefined> {
  const { records, now } = input;
  const current = input.existing.find((r) => r.kind === settings.kind && !r.disabled);
  // Forgotten meanwhile, the current one is not found to change: one is added instead.
  const updated = current && (await records.update(current.id, current.channelKey, settings));
  if (updated) return { reminder: updated, changed: true };
  const added = await records.add(settings, now, { maxPerChannel: MAX_REMINDERS_PER_CHANNEL });
  if (added.kind === 'added' && added.reminder.kind === settings.kind)
    return { reminder: added.reminder as ChannelWideReminder, changed: false };
  if (added.kind !== 'exists') return undefined;
  const raced = await records.update(added.reminder.id, added.reminder.channelKey, settings);
  return raced ? { reminder: raced, changed: true } : undefined;
}
