// The tables of the store, as kysely sees them. Instants are ISO 8601 strings in UTC with milliseconds
// ("2026-12-13T08:00:00.000Z"): they sort as text in both SQLite and PostgreSQL, and the clock that writes them is
// the injected one, never the database's own now().
import type { Generated } from 'kysely';

/** Slack installations (Bolt InstallationStore rows): one per workspace, or per enterprise for org-wide installs. */
export interface SlackInstallationsTable {
  /** Enterprise id for org-wide installs, team id otherwise. */
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  /** Bolt's Installation object as JSON. */
  installation: string;
  updated_at: string;
}

/** Teams conversation references, so reminders can be posted proactively. */
export interface TeamsConversationsTable {
  conversation_id: string;
  tenant_id: string | null;
  /** botbuilder's ConversationReference as JSON. */
  reference: string;
  updated_at: string;
}

/** A channel's reminder: a subscription to a country's or mission's dated events, a one-off, a digest, curator notices. */
export interface RemindersTable {
  /** Short id users type in `forget <id>`. */
  id: string;
  /** channelKey(channel): "slack:T1:C1", unique across platforms. */
  channel_key: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  channel_name: string | null;
  kind: 'subscription' | 'once' | 'digest' | 'stale';
  /** Subscriptions: 'country' or 'mission' and the dataset id. */
  target_kind: string | null;
  target_id: string | null;
  /** Subscriptions: lead days, comma-separated, largest first ("30,7,1"). */
  lead_days: string | null;
  /** Subscriptions, digests and curator notices: local time of day "HH:MM". */
  time_of_day: string | null;
  /** IANA zone the reminder's times are read in. */
  tz: string;
  /** One-offs: the text to post and the instant. */
  text: string | null;
  fire_at: string | null;
  created_at: string;
  created_by: string | null;
  /** Set when the platform said the channel cannot be posted to (channel gone, bot removed). */
  disabled_at: string | null;
  disabled_reason: string | null;
  /**
   * Active subscriptions: "<channel key> <target kind>:<target id>", unique, so that a channel holds one subscription
   * per target (migration 0006); active digests and curator notices: "<channel key> digest" and "<channel key> stale"
   * (migration 0010). NULL for one-offs, disabled reminders and duplicates made before the key.
   */
  subscription_key: string | null;
  /** Slack: the workspace's Enterprise Grid org, when it has one (migration 0007). */
  enterprise_id: string | null;
  /** Digests: ISO day of the week, 1 Monday … 7 Sunday (migration 0010). */
  weekday: number | null;
  /** Digests: how many days ahead the digest looks. */
  within_days: number | null;
  /** Digests: country ids, comma-separated; '' for every country. */
  countries: string | null;
  /** Digests: 1 to post even a week with nothing to say. */
  post_always: number | null;
}

/** One occurrence of a reminder: due at an instant, claimed with a lease, delivered once, its outcome recorded. */
export interface OccurrencesTable {
  id: string;
  reminder_id: string;
  /** Unique per reminder: `<event id>@<fire instant>#<lead>d`, or `once@<instant>`. */
  occurrence_key: string;
  event_id: string | null;
  lead_days: number | null;
  due_at: string;
  /** pending (waiting, maybe for a retry), claimed (a scheduler holds a lease), done (outcome recorded). */
  status: 'pending' | 'claimed' | 'done';
  outcome: string | null;
  attempts: Generated<number>;
  next_attempt_at: string;
  claim_token: string | null;
  claimed_by: string | null;
  lease_until: string | null;
  /** 1 once the occurrence was claimed again after a lease expired: a post may have happened already. */
  possible_repeat: Generated<number>;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  recorded_at: string | null;
}

/** Teams conversations that have had the welcome card (src/platforms/teams/welcome.ts). */
export interface TeamsWelcomesTable {
  conversation_id: string;
  sent_at: string;
}

/** Each channel's language (`lang fr`), by channel key (src/storage/channel-languages.ts). */
export interface ChannelLanguagesTable {
  channel_key: string;
  lang: string;
  updated_at: string;
}

/** Slack events already taken (src/platforms/slack/slack-event-ledger.ts): a retry of one is not answered again. */
export interface SlackEventsTable {
  event_id: string;
  received_at: string;
}

/** The whole store. */
export interface DatabaseSchema {
  slack_installations: SlackInstallationsTable;
  teams_conversations: TeamsConversationsTable;
  reminders: RemindersTable;
  reminder_occurrences: OccurrencesTable;
  teams_welcomes: TeamsWelcomesTable;
  channel_languages: ChannelLanguagesTable;
  slack_events: SlackEventsTable;
}
