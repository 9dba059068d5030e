import type { Profile } from '@pairwise/matching';

/** An attendee's columns that every matching reads, as SQL returns them (tag lists as arrays). */
export interface MatchingProfileRow {
  id: string;
  name: string;
  role: string | null;
  company: string | null;
  seniority: string | null;
  stack: string[];
  interests: string[];
  looking_for: string[];
  can_offer: string[];
  languages: string[];
}

/**
 * The part of a matching profile every reader of attendees builds the same way (a round's roster, a
 * talk's office hours): absent columns are left out rather than passed as null.
 */
export function matchingProfileOf(row: MatchingProfileRow): Pick<Profile, 'id' | 'name' | 'role' | 'company' | 'seniority' | 'stack' | 'interests' | 'lookingFor' | 'canOffer' | 'languages'> {
  return {
    id: row.id,
    name: row.name,
    role: row.role ?? undefined,
    company: row.company ?? undefined,
    seniority: row.seniority ?? undefined,
    stack: row.stack,
    interests: row.interests,
    lookingFor: row.looking_for,
    canOffer: row.can_offer,
    languages: row.languages,
  };
}
