// The languages the bot answers in, and how a typed or platform-given language code becomes one of them.

/** Every language the catalogue holds, the default first. */
export const LANGS = ['en', 'fr'] as const;

/** A language the bot answers in. */
export type Lang = (typeof LANGS)[number];

/** The language of an answer when nobody chose one. */
export const DEFAULT_LANG: Lang = 'en';

/** The BCP 47 locale each language formats dates and numbers with. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', fr: 'fr-FR' };

/**
 * A language code as users and platforms write it ("fr", "FR", "fr-FR", "fr_CA", "en-US") as a `Lang`;
 * undefined for a language the bot does not speak.
 */
export function parseLang(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  const primary = code.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === primary);
}
