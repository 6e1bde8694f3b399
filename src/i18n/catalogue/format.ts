// Relative days, the data's age and other phrases built around dates and numbers (src/core/format-date.ts).
import type { Area } from './entry.js';

/** Phrases of dates and durations. */
export const formatMessages = {
  // "29 days left" beside a date; French says when, as "dans 29 jours".
  'days.left': {
    en: '{days, plural, =0 {today} one {# day left} other {# days left}}',
    fr: '{days, plural, =0 {aujourd’hui} =1 {demain} other {dans # jours}}',
  },
  'days.ago': {
    en: '{days, plural, one {# day ago} other {# days ago}}',
    fr: '{days, plural, =1 {hier} other {il y a # jours}}',
  },
  // In sentences: "expires in 7 days", "expire dans 7 jours".
  'days.in': {
    en: '{days, plural, =0 {today} =1 {tomorrow} other {in # days}}',
    fr: '{days, plural, =0 {aujourd’hui} =1 {demain} other {dans # jours}}',
  },
  'days.before': {
    en: '{days, plural, =1 {yesterday} other {# days ago}}',
    fr: '{days, plural, =1 {hier} other {il y a # jours}}',
  },
  'data.age': {
    en: '{years, plural, one {over # year old} other {over # years old}}',
    fr: '{years, plural, one {datant de plus d’un an} other {datant de plus de # ans}}',
  },
  'date.unknown': { en: 'date not known', fr: 'date inconnue' },
} as const satisfies Area;
