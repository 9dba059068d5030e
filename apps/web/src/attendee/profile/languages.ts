/**
 * Languages on a profile are ISO 639-1 codes (the API turns "English" into `en`). The page suggests
 * the languages the API knows by name, read in the page's language, and turns a typed name or code
 * into the code when it can.
 */
export const LANGUAGE_CODES = [
  'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'no', 'fi', 'cs', 'sk', 'sl', 'hu', 'ro', 'bg', 'hr', 'sr',
  'el', 'tr', 'ru', 'uk', 'lt', 'lv', 'et', 'ar', 'he', 'fa', 'hi', 'bn', 'ur', 'ta', 'te', 'mr', 'zh', 'ja', 'ko', 'vi',
  'th', 'id', 'ms', 'tl', 'sw', 'ca', 'eu', 'gl', 'ga', 'cy', 'is', 'sq', 'hy', 'ka', 'kk', 'uz', 'az', 'af', 'am',
] as const;

export interface LanguageNames {
  /** The language's name in the page's language ("French", "français"), or the code itself. */
  label(code: string): string;
  /** The code for a typed code or name (in the page's language or in English), else the text as typed. */
  resolve(typed: string): string;
}

export function languageNames(locale: string): LanguageNames {
  const local = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
  const byName = new Map<string, string>();
  for (const code of LANGUAGE_CODES) {
    byName.set(code, code);
    byName.set(english.of(code)!.toLowerCase(), code);
    byName.set(local.of(code)!.toLowerCase(), code);
  }
  return {
    label: (code) => {
      try {
        return local.of(code) ?? code;
      } catch {
        return code; // not a language code (kept as typed by the API)
      }
    },
    resolve: (typed) => byName.get(typed.trim().toLowerCase()) ?? typed.trim(),
  };
}
