import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

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

export function chooseLanguage(language: Language): void {
  localStorage.setItem(CHOSEN_LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
}
