// The platform-neutral answer model. The core builds these; renderers turn them into Block Kit, Adaptive Cards or
// plain text. All strings here are plain text, never markup: each renderer escapes for its own platform. An answer
// is written in one language (`lang`), and the renderers write their own labels ("Source", buttons) in it too.
import type { Lang } from '../i18n/lang.js';

/** Where a fact comes from, ready to show: "Watchlist, CAAC Monthly Update – June 2021 · as of June 2021". */
export interface Citation {
  /** The source's stable id in the dataset. */
  sourceId: string;
  /** Publisher and title, short enough for a context line. */
  label: string;
  /** The fact's as-of date, written with its precision ("June 2021", "30 June 2021", "2013"). */
  asOf: string;
  /** How precise `asOf` is, so that each language can say "as of" right ("au 30 juin 2021", "en juin 2021"). */
  precision?: 'year' | 'month' | 'day';
  /** A link or UN document symbol, where the source has one. */
  url?: string;
  symbol?: string;
  /** Shown beside the fact when a key part of it is not confirmed by a primary source. */
  unverified?: string;
}

/** One line of an answer: a fact, with what backs it. */
export interface Item {
  /** A short label shown first, in bold where the platform allows ("MNLA ~ *", "236"). */
  label?: string;
  /** The fact itself. */
  text: string;
  /** Secondary text: a period, a note, "days left". */
  detail?: string;
  /** Whether this item marks a gap in the data ("2018–2019: not in this dataset") or a past/stale fact. */
  tone?: 'normal' | 'gap' | 'past' | 'warning';
  /** Sources of this fact. Facts from the dataset always carry at least one. */
  cite?: Citation[];
}

/** A titled group of items. */
export interface Section {
  heading?: string;
  items: Item[];
  /** Citations shared by every item of the section (shown once, after it). */
  cite?: Citation[];
}

/** Something the user can do next: a command one tap away ("recs mali"), or a platform action. */
export interface Action {
  label: string;
  /** The command text it runs, e.g. "recs mali". */
  command: string;
  /** `share` posts the same answer to the channel; `forget` removes a reminder; `command` runs the text. */
  kind?: 'command' | 'share' | 'forget';
  style?: 'primary' | 'danger';
}

/** What happened, for exit codes, metrics and logs. */
export type Outcome = 'answered' | 'no-match' | 'usage' | 'unavailable' | 'rate-limited';

/** The answer to one command. */
export interface Answer {
  /** The language the answer is written in; English when absent. */
  lang?: Lang;
  /** Which command produced it (help, country, party, recs, figures, sources, codes, renewals, search, remind…). */
  kind: string;
  outcome: Outcome;
  title: string;
  /** One line under the title: the country, the data's age. */
  subtitle?: string;
  /**
   * A warning about this message itself, shown first by every renderer and in notifications: a reminder sent late
   * ("late: due 09:00, sent 09:42 after a restart") or possibly twice. Plain text.
   */
  notice?: string;
  sections: Section[];
  /** Next commands, one tap away. */
  actions: Action[];
  /** A one-line plain summary used for notifications and fallbacks (Slack `text`, Teams `summary`). */
  summary: string;
}
