// What every answer builder reads: the dataset of this request, the clock's "now" and the zone days are counted in.
import type { Dataset } from '../dataset/schema.js';
import type { Lang } from '../i18n/lang.js';

/** The inputs shared by the answer builders of one request. */
export interface AnswerContext {
  dataset: Dataset;
  now: Date;
  /** IANA zone in which "today" and "days left" are counted. */
  zone: string;
  /** The language to answer in; English when absent. */
  lang?: Lang;
}
