import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
// Named imports of the top-level sections: Vite leaves the `organiser` sections out of this chunk (they
// come with the staff screens, see organiser/organiser-strings.ts), so the attendee's phone never downloads them.
import { app as enApp, attendee as enAttendee, connection as enConnection, errors as enErrors, language as enLanguage, session as enSession, signIn as enSignIn, signInLink as enSignInLink } from './en.json';
import { app as frApp, attendee as frAttendee, connection as frConnection, errors as frErrors, language as frLanguage, session as frSession, signIn as frSignIn, signInLink as frSignInLink } from './fr.json';

const en = { app: enApp, language: enLanguage, connection: enConnection, session: enSession, signIn: enSignIn, signInLink: enSignInLink, attendee: enAttendee, errors: enErrors };
const fr = { app: frApp, language: frLanguage, connection: frConnection, session: frSession, signIn: frSignIn, signInLink: frSignInLink, attendee: frAttendee, errors: frErrors };

/** One catalogue per language; every string of the app is in them. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Set only when the person picks a language; otherwise the browser's language decides. */
const CHOSEN_LANGUAGE_KEY = 'pairwise.language';

export function initI18n(): typeof i18n {
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, fr: { translation: fr } },
      supportedLngs: LANGUAGES,
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: CHOSEN_LANGUAGE_KEY, caches: [] },
    });
  const follow = (language: string) => {
    document.documentElement.lang = language;
  };
  follow(i18n.resolvedLanguage ?? 'en');
  i18n.on('languageChanged', () => follow(i18n.resolvedLanguage ?? 'en'));
  return i18n;
}

/** Adds a section of the catalogues that a screen loaded on demand brings with it (e.g. the staff screens' `organiser`). */
export function addStrings(section: string, strings: Record<Language, Record<string, unknown>>): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, 'translation', { [section]: strings[language] }, true, true);
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(CHOSEN_LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
}
