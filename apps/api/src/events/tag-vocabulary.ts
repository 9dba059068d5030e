/**
 * An event's tag vocabulary: canonical slugs with their synonyms, so that
 * "Retrieval-Augmented Generation" and "retrieval augmented gen" both become
 * `rag`. Unknown tags are kept (as slugs) and reported, never dropped. A slug is spelled by
 * @pairwise/vocabulary's `slugify`, the one the web app uses too.
 */
import { slugify, type VocabularyEntry } from '@pairwise/vocabulary';

export interface NormalisedTags {
  tags: string[];
  unknown: string[];
}

export class TagVocabulary {
  private readonly canonical = new Map<string, string>();

  constructor(entries: readonly VocabularyEntry[]) {
    for (const entry of entries) {
      this.canonical.set(slugify(entry.slug), entry.slug);
      this.canonical.set(slugify(entry.label), entry.slug);
      for (const synonym of entry.synonyms) this.canonical.set(slugify(synonym), entry.slug);
    }
  }

  get isEmpty(): boolean {
    return this.canonical.size === 0;
  }

  /** Canonical slugs in input order, without duplicates; `unknown` lists those not in the vocabulary. */
  normalise(raw: readonly string[]): NormalisedTags {
    const tags: string[] = [];
    const unknown: string[] = [];
    for (const text of raw) {
      const slug = slugify(text);
      if (!slug) continue;
      const known = this.canonical.get(slug);
      const tag = known ?? slug;
      if (!tags.includes(tag)) tags.push(tag);
      if (!known && !this.isEmpty && !unknown.includes(tag)) unknown.push(tag);
    }
    return { tags, unknown };
  }
}
