/**
 * Tags typed by an attendee, matched to the event's vocabulary as the API will match them: the
 * same slug for "Retrieval-Augmented Generation", "RAG" and "rag". The API has the last word (it
 * normalises every tag it stores and reports those it does not know); this lets the page show the
 * event's label at once, suggest the vocabulary, and not list one tag twice. Slugs are spelled by the
 * API's own `slugify` (@pairwise/vocabulary), so the two cannot drift apart.
 */
import { slugify, type VocabularyEntry } from '@pairwise/vocabulary';

export interface TagMatcher {
  /** The vocabulary's slug for a typed text (its slug, label or a synonym, in any case), else the text as typed (trimmed). */
  resolve(typed: string): string;
  /** How a stored tag reads: the vocabulary's label, else the tag itself. */
  label(tag: string): string;
  /** Whether the vocabulary knows the tag. */
  known(tag: string): boolean;
}

export function tagMatcher(vocabulary: readonly VocabularyEntry[]): TagMatcher {
  const bySpelling = new Map<string, string>();
  const labels = new Map<string, string>();
  for (const tag of vocabulary) {
    labels.set(tag.slug, tag.label);
    for (const spelling of [tag.slug, tag.label, ...tag.synonyms]) bySpelling.set(slugify(spelling), tag.slug);
  }
  return {
    resolve: (typed) => bySpelling.get(slugify(typed)) ?? typed.trim(),
    label: (tag) => labels.get(tag) ?? tag,
    known: (tag) => labels.has(tag),
  };
}
