/**
 * How a tag is spelled once matched: shared by the API, which stores and reports every tag by its slug
 * (apps/api/src/events/tag-vocabulary.ts), and the web app, which shows the event's label and suggests
 * the vocabulary while an attendee types (apps/web/src/attendee/profile/tags.ts). One function, so that
 * what the page shows at once is what the API will store.
 *
 * Pure TypeScript: no framework, no I/O, nothing of ours (lint keeps it so), since the web bundle carries it.
 */

/** One tag of an event's vocabulary: its canonical slug, how it reads, and the spellings that mean it. */
export interface VocabularyEntry {
  slug: string;
  label: string;
  synonyms: readonly string[];
}

/** Lower-case ASCII words joined by dashes: "Speculative Décoding!" → "speculative-decoding", "C++" → "c-plus-plus". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
