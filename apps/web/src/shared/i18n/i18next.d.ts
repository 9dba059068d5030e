import 'i18next';
import type en from './en.json';

// Keys are checked at compile time against the English catalogues (the French ones are checked against them by a test).
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
