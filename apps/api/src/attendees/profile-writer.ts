import { rejectNulls } from '../common/validation';
import type { TagVocabulary } from '../events/tag-vocabulary';
import { DEFAULT_SHARED_FIELDS, type AttendeeEntity, type ShareableField } from './attendee.entity';
import { normaliseProfileLists } from './profile-normaliser';

/** Every profile field a write may carry; absent fields are left as they are. */
export interface ProfileChanges {
  email?: string;
  name?: string;
  company?: string | null;
  role?: string | null;
  seniority?: string | null;
  ticketType?: string | null;
  stack?: readonly string[];
  interests?: readonly string[];
  lookingFor?: readonly string[];
  canOffer?: readonly string[];
  languages?: readonly string[];
  bio?: string | null;
  links?: readonly string[];
  consentMatchmaking?: boolean;
  consentNoticeVersion?: string | null;
  sharedFields?: readonly string[];
  present?: boolean;
}

/** Fields a profile always has (`[]` empties a list); null clears only the free-text ones. */
const NOT_NULL_FIELDS = [
  'email', 'name', 'stack', 'interests', 'lookingFor', 'canOffer', 'languages', 'links', 'consentMatchmaking', 'sharedFields', 'present',
] as const satisfies readonly (keyof ProfileChanges)[];

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
const normaliseWord = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim().toLowerCase().replace(/\s+/g, '-') : null;
const trimmed = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/**
 * Applies changes to a profile (new or loaded), normalising tags through the
 * event vocabulary; returns the tags the vocabulary did not know.
 * `now` is when consent or check-in is recorded.
 */
export function applyProfileChanges(
  target: Partial<AttendeeEntity>,
  changes: ProfileChanges,
  vocabulary: TagVocabulary,
  now: Date,
): string[] {
  rejectNulls(changes, NOT_NULL_FIELDS);
  const { values, unknownTags } = normaliseProfileLists(changes, vocabulary);
  Object.assign(target, values);
  if (changes.email !== undefined) target.email = normaliseEmail(changes.email);
  if (changes.name !== undefined) target.name = changes.name.trim();
  if (changes.company !== undefined) target.company = trimmed(changes.company);
  if (changes.role !== undefined) target.role = normaliseWord(changes.role);
  if (changes.seniority !== undefined) target.seniority = normaliseWord(changes.seniority);
  // As the matching library compares them (trimmed, lower-cased), spaces kept: a rule may name "student pass".
  if (changes.ticketType !== undefined) target.ticketType = changes.ticketType?.trim() ? changes.ticketType.trim().toLowerCase().replace(/\s+/g, ' ') : null;
  if (changes.bio !== undefined) target.bio = trimmed(changes.bio);
  if (changes.links !== undefined) target.links = [...new Set(changes.links.map((link) => link.trim()))];
  if (changes.sharedFields !== undefined) target.sharedFields = [...new Set(changes.sharedFields)] as ShareableField[];
  target.sharedFields ??= [...DEFAULT_SHARED_FIELDS];
  if (changes.consentMatchmaking !== undefined && changes.consentMatchmaking !== Boolean(target.consentMatchmaking)) {
    target.consentMatchmaking = changes.consentMatchmaking;
    target.consentAt = changes.consentMatchmaking ? now : null;
  }
  if (changes.consentNoticeVersion !== undefined) target.consentNoticeVersion = trimmed(changes.consentNoticeVersion);
  if (changes.present !== undefined && changes.present !== Boolean(target.present)) {
    target.present = changes.present;
    target.checkedInAt = changes.present ? now : null;
  }
  return unknownTags;
}
