// The shape of one catalogue entry: an ICU message per language, so none can be left out.
import type { Lang } from '../lang.js';

/** One message in every language, in ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/). */
export type Entry = Readonly<Record<Lang, string>>;

/** A catalogue area: ids to entries. */
export type Area = Readonly<Record<string, Entry>>;
