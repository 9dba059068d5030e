import 'i18next';
import type organiser from '../../organiser/i18n/en.json';
import type en from './en.json';

// Keys are checked at compile time against the English catalogues (the French ones are checked against them by a test).
// The staff screens' own catalogue (organiser/i18n) is loaded with them and merged under `organiser.`.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en & { organiser: typeof organiser } };
  }
}
