import type { TagVocabulary } from '../events/tag-vocabulary';
import { normaliseLanguages } from './languages';

export const TAG_FIELDS = ['stack', 'interests', 'lookingFor', 'canOffer'] as const;
export type TagField = (typeof TAG_FIELDS)[number];

export interface ProfileLists {
  stack?: readonly string[];
  interests?: readonly string[];
  lookingFor?: readonly string[];
  canOffer?: readonly string[];
  languages?: readonly string[];
}

export interface NormalisedLists {
  values: Partial<Record<TagField | 'languages', string[]>>;
  /** Tags and languages not in the vocabulary: kept on the profile, reported to the caller. */
  unknownTags: string[];
}

/** Normalises the list fields that are present; absent fields stay absent (partial updates). */
export function normaliseProfileLists(lists: ProfileLists, vocabulary: TagVocabulary): NormalisedLists {
  const values: NormalisedLists['values'] = {};
  const unknown = new Set<string>();
  for (const field of TAG_FIELDS) {
    const raw = lists[field];
    if (!raw) continue;
    const { tags, unknown: fieldUnknown } = vocabulary.normalise(raw);
    values[field] = tags;
    fieldUnknown.forEach((tag) => unknown.add(tag));
  }
  if (lists.languages) {
    const { languages, unknown: unknownLanguages } = normaliseLanguages(lists.languages);
    values.languages = languages;
    unknownLanguages.forEach((language) => unknown.add(`language:${language}`));
  }
  return { values, unknownTags: [...unknown].sort() };
}
