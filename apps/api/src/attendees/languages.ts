/**
 * Languages are stored as ISO 639-1 codes so "English", "english" and "EN"
 * match when scoring. Names outside this list are kept as slugs and reported.
 */
const LANGUAGE_CODES: Record<string, string> = {
  arabic: 'ar', bengali: 'bn', catalan: 'ca', chinese: 'zh', mandarin: 'zh', cantonese: 'yue', czech: 'cs',
  danish: 'da', dutch: 'nl', english: 'en', estonian: 'et', finnish: 'fi', french: 'fr', german: 'de',
  greek: 'el', hebrew: 'he', hindi: 'hi', hungarian: 'hu', indonesian: 'id', italian: 'it', japanese: 'ja',
  korean: 'ko', latvian: 'lv', lithuanian: 'lt', malay: 'ms', norwegian: 'no', persian: 'fa', farsi: 'fa',
  polish: 'pl', portuguese: 'pt', romanian: 'ro', russian: 'ru', serbian: 'sr', slovak: 'sk', slovenian: 'sl',
  spanish: 'es', swahili: 'sw', swedish: 'sv', tamil: 'ta', thai: 'th', turkish: 'tr', ukrainian: 'uk',
  urdu: 'ur', vietnamese: 'vi', croatian: 'hr', bulgarian: 'bg', icelandic: 'is', irish: 'ga', welsh: 'cy',
  basque: 'eu', galician: 'gl', tagalog: 'tl', filipino: 'tl', telugu: 'te', marathi: 'mr', punjabi: 'pa',
  gujarati: 'gu', kannada: 'kn', malayalam: 'ml', amharic: 'am', yoruba: 'yo', hausa: 'ha', zulu: 'zu',
  afrikaans: 'af', albanian: 'sq', armenian: 'hy', georgian: 'ka', kazakh: 'kk', uzbek: 'uz', azerbaijani: 'az',
};
const KNOWN_CODES = new Set(Object.values(LANGUAGE_CODES));

export function normaliseLanguages(raw: readonly string[]): { languages: string[]; unknown: string[] } {
  const languages: string[] = [];
  const unknown: string[] = [];
  for (const text of raw) {
    const key = text.trim().toLowerCase();
    if (!key) continue;
    const code = KNOWN_CODES.has(key) ? key : LANGUAGE_CODES[key.replace(/[^a-z]/g, '')];
    const value = code ?? key.replace(/[^a-z0-9-]+/g, '-');
    if (!code && !unknown.includes(value)) unknown.push(value);
    if (!languages.includes(value)) languages.push(value);
  }
  return { languages, unknown };
}
