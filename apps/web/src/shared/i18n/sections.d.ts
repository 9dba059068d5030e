// One top-level section of both catalogues, as its own module (vite.config.mts, i18nSections).
declare module 'virtual:i18n-section/organiser' {
  export const en: (typeof import('./en.json'))['organiser'];
  export const fr: (typeof import('./fr.json'))['organiser'];
}
