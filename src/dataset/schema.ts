// The dataset's shape, as editors write it in data/*.yaml. Every fact carries its provenance (a source id and an
// as-of date); dates keep the precision they were written with ("2021", "2021-06", "2021-06-30").
import { z } from 'zod';
import { DayDate, Id, PartialDate, Provenance, sourced, ViolationCode } from './schema-base.js';
import { textsOf } from './texts.js';

export { DayDate, Id, PartialDate, Provenance, ViolationCode };

/** A source: a document, page or press release that facts point at. */
export const Source = z
  .object({
    id: Id,
    publisher: z.string().min(1),
    title: z.string().min(1),
    date: PartialDate,
    url: z.url().optional(),
    symbol: z.string().min(1).optional(),
    /** The language its text (quoted recommendations, statements) is in; English when absent. */
    lang: z.enum(['en', 'fr']).optional(),
    /** The publisher's words in other languages ("ReliefWeb (copie du rapport…)"); titles stay as published. */
    texts: textsOf(['publisher']),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** data/reference.yaml: the legend of the annexes. */
export const Reference = z
  .object({
    violation_codes: z.record(ViolationCode, z.object({ label: z.string(), short: z.string() }).strict()),
    markers: z.object({
      action_plan: z.object({ symbol: z.string(), label: z.string() }).strict(),
      persistent_perpetrator: z.object({ symbol: z.string(), label: z.string() }).strict(),
    }),
    source: Id.optional(),
  })
  .strict();
export type Reference = z.infer<typeof Reference>;

/** One annual report's listing of a party: the report year and the violations it is listed for. */
export const Listing = sourced(
  {
    report_year: z.number().int().min(2001).max(2100),
    /** The annual report's symbol, where known (e.g. A/75/873-S/2021/437). */
    report: z.string().optional(),
    codes: z.array(ViolationCode).min(1),
    /** How the annex names the party that year, where it differs (e.g. "as part of JNIM"). */
    listed_as: z.string().optional(),
  },
  ['listed_as'],
);
export type Listing = z.infer<typeof Listing>;

/** A yes/no fact with its provenance (persistent perpetrator, action plan marker). */
export const SourcedFlag = sourced({ value: z.boolean() });

/** A party to conflict (armed group, force, or coalition) in the annexes or named by the sources. */
export const Party = z
  .object({
    id: Id,
    country: Id,
    name: z.string().min(1),
    /** Acronyms in common use: MNLA, MUJAO, CMA. */
    acronyms: z.array(z.string().min(1)).default([]),
    /** Other names, translations and spellings: Ansar Dine, Mouvement pour l'unicité…. */
    other_names: z.array(z.string().min(1)).default([]),
    /** What kind of party: an armed group, a coalition of groups, government forces. */
    kind: z.enum(['armed-group', 'coalition', 'government-forces']).default('armed-group'),
    /** Coalitions this party belongs to (party ids), e.g. the MNLA within the CMA. */
    within: z.array(sourced({ party: Id })).default([]),
    /** Annual-report listings. A year with no entry is unknown to the dataset, not "not listed". */
    listings: z.array(Listing).default([]),
    /** Explicit "not listed" facts for a report year, which are different from a gap. */
    not_listed: z.array(sourced({ report_year: z.number().int().min(2001).max(2100) })).default([]),
    persistent_perpetrator: SourcedFlag.optional(),
    action_plan_marker: SourcedFlag.optional(),
    /** A short description of the party as the sources give it. */
    description: sourced({ text: z.string().min(1) }, ['text']).optional(),
  })
  .strict();
export type Party = z.infer<typeof Party>;

/** A dated statement of one value (lead country, committee chair) — several may be kept, the newest is current. */
export const DatedValue = sourced({ value: z.string().min(1) }, ['value']);
export type DatedValue = z.infer<typeof DatedValue>;

/** A Security Council resolution adopting or renewing a mandate. */
export const Mandate = sourced(
  {
    /** The resolution as people cite it: "2531 (2020)". */
    resolution: z.string().regex(/^\d{3,4} \(\d{4}\)$/, 'must look like "2531 (2020)"'),
    adopted: DayDate.optional(),
    /** The day the mandate (or the measures) run to. Absent for open-ended measures. */
    expires: DayDate.optional(),
    /** Sanctions regimes: the day the Panel of Experts runs to, which is not the measures' expiry. */
    panel_expires: DayDate.optional(),
    summary: z.string().optional(),
  },
  ['summary'],
);
export type Mandate = z.infer<typeof Mandate>;

/** A mission's or regime's names in another language, where the UN has them (FISNUA for UNISFA). */
const MissionNames = z
  .object({
    fr: z
      .object({
        acronym: z.string().min(1).optional(),
        name: z.string().min(1),
        committee: z.string().min(1).optional(),
      })
      .strict(),
  })
  .partial()
  .strict();

/** A mission or regime: peace operation, political mission, or sanctions regime with its committee. */
export const Mission = z
  .object({
    id: Id,
    kind: z.enum(['peace-operation', 'political-mission', 'sanctions-regime', 'other']),
    acronym: z.string().min(1),
    name: z.string().min(1),
    other_names: z.array(z.string().min(1)).default([]),
    /** Its names in other languages, shown in answers in that language (and found by lookups). */
    names: MissionNames.optional(),
    country: Id,
    /** active: running; ended: mandate or measures ended; closed: the mission has left. */
    status: z.enum(['active', 'ended', 'closed']),
    child_protection: sourced({ text: z.string().min(1) }, ['text']).optional(),
    /** For sanctions regimes: the committee and its chairs, as dated statements. */
    committee: z.string().optional(),
    chairs: z.array(DatedValue).default([]),
    /** Adoptions and renewals, in any order; the bot sorts them. */
    mandates: z.array(Mandate).default([]),
    /** The end of the mission or regime, where it has ended. */
    end: sourced(
      {
        date: DayDate,
        /** What ended on that day, in words: "withdrawal completed", "measures lapsed after a veto". */
        text: z.string().min(1),
        resolution: z.string().optional(),
      },
      ['text'],
    ).optional(),
    /** Other dated milestones, e.g. the mandate's termination before withdrawal. */
    milestones: z
      .array(sourced({ date: PartialDate, text: z.string().min(1), resolution: z.string().optional() }, ['text']))
      .default([]),
  })
  .strict();
export type Mission = z.infer<typeof Mission>;

/** A quoted recommendation, kept word for word (never translated); its addressee and topics may be. */
export const Recommendation = Provenance.extend({
  to: z.string().min(1),
  date: PartialDate,
  topics: z.array(z.string().min(1)).default([]),
  text: z.string().min(1),
  texts: textsOf(['note', 'unverified', 'to'], { topics: z.array(z.string().min(1)).optional() }),
})
  .strict()
  .refine((r) => !r.texts?.fr?.topics || r.texts.fr.topics.length === r.topics.length, {
    message: 'texts.fr.topics must translate each of topics, in the same order',
    path: ['texts', 'fr', 'topics'],
  });
export type Recommendation = z.infer<typeof Recommendation>;

/** A verified figure with its period. */
export const Figure = sourced(
  {
    metric: z.string().min(1),
    value: z.number(),
    unit: z.string().optional(),
    /** The period the figure covers, e.g. "January–March 2021", and its dates. */
    period: z.string().min(1),
    period_start: PartialDate.optional(),
    period_end: PartialDate.optional(),
    /** The wording of the source, kept for editors. */
    wording: z.string().optional(),
  },
  ['metric', 'unit', 'period'],
);
export type Figure = z.infer<typeof Figure>;

/** A document-by-year fact: SG country reports, Working Group conclusions. */
export const YearDocument = sourced({ year: z.number().int().min(1990).max(2100), symbol: z.string().optional() });

/** An action plan signed with the UN. */
export const ActionPlan = sourced(
  {
    parties: z.array(Id).min(1),
    date: PartialDate,
    codes: z.array(ViolationCode).default([]),
    text: z.string().min(1),
  },
  ['text'],
);
export type ActionPlan = z.infer<typeof ActionPlan>;

/** A country (situation) on the CAAC agenda or with a mission in the calendar. */
export const Country = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** Names in French and other languages, common abbreviations (DRC, CAR). */
    other_names: z.array(z.string().min(1)).default([]),
    /** The name answers in another language show, where the UN has one: `fr: République démocratique du Congo`. */
    names: z
      .object({ fr: z.string().min(1) })
      .partial()
      .strict()
      .optional(),
    iso2: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /** Whether the situation is on the CAAC agenda (annexes of the SG annual report). */
    in_annexes_since: sourced({ year: z.number().int().min(2001).max(2100) }).optional(),
    sg_country_reports: z.array(YearDocument).default([]),
    working_group_conclusions: z.array(YearDocument).default([]),
    lead_country: z.array(DatedValue).default([]),
    action_plans: z.array(ActionPlan).default([]),
    figures: z.array(Figure).default([]),
    recommendations: z.array(Recommendation).default([]),
    /** Free-text statements of what the sources say, e.g. the annual-report summary. */
    summaries: z.array(sourced({ text: z.string().min(1) }, ['text'])).default([]),
  })
  .strict();
export type Country = z.infer<typeof Country>;

/** A dated event editors add (report due, open debate, Working Group meeting). Mandate expiries come from missions. */
export const DatedEvent = sourced(
  {
    id: Id,
    date: PartialDate,
    title: z.string().min(1),
    kind: z.enum(['report', 'open-debate', 'working-group', 'meeting', 'other']),
    /** The country it concerns, or absent for thematic (global) events. */
    country: Id.optional(),
    mission: Id.optional(),
    symbol: z.string().optional(),
  },
  ['title'],
);
export type DatedEvent = z.infer<typeof DatedEvent>;

// ---- Files ----------------------------------------------------------------------------------------------------
// data/reference.yaml            the legend (Reference)
// data/sources/*.yaml            { sources: Source[] }
// data/countries/<id>.yaml       { country: Country, parties?: Party[], missions?: Mission[], events?: DatedEvent[] }
// data/events/*.yaml             { events: DatedEvent[] }   (thematic events that belong to no country)

/** data/sources/*.yaml */
export const SourcesFile = z.object({ sources: z.array(Source) }).strict();
/** data/countries/<id>.yaml */
export const CountryFile = z
  .object({
    country: Country,
    parties: z.array(Party).default([]),
    missions: z.array(Mission).default([]),
    events: z.array(DatedEvent).default([]),
  })
  .strict();
/** data/events/*.yaml: thematic events, and figures that belong to no country (the annual report's totals). */
export const EventsFile = z
  .object({ events: z.array(DatedEvent).default([]), figures: z.array(Figure).default([]) })
  .strict();

/** The whole dataset, validated and cross-checked, as the core reads it. Immutable once loaded. */
export interface Dataset {
  /** A short content hash of the files, so that logs, /readyz and metrics can say which data is served. */
  readonly version: string;
  readonly reference: Reference;
  readonly sources: ReadonlyMap<string, Source>;
  readonly countries: ReadonlyMap<string, Country>;
  readonly parties: ReadonlyMap<string, Party>;
  readonly missions: ReadonlyMap<string, Mission>;
  /** Editors' events only; mandate expiries are derived from missions (see dated-events.ts). */
  readonly events: ReadonlyMap<string, DatedEvent>;
  /** Figures that belong to no country (the annual report's global totals), from data/events/. */
  readonly globalFigures?: readonly Figure[];
}
