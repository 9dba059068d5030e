import { MatchingInputError } from './errors';

/**
 * An attendee as the matcher sees them. Tags (`stack`, `interests`,
 * `lookingFor`, `canOffer`, `languages`) are slugs from the event vocabulary;
 * the matcher compares them case-insensitively after trimming and ignores
 * duplicates. `blocks` and `wishes` hold other attendees' ids; ids that are
 * not in the round are ignored (the person may be absent).
 */
export interface Profile {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
  readonly company?: string;
  readonly seniority?: string;
  /** The kind of ticket (e.g. `student`, `investor pass`): only who-can-meet rules read it. */
  readonly ticketType?: string;
  readonly stack: readonly string[];
  readonly interests: readonly string[];
  readonly lookingFor: readonly string[];
  readonly canOffer: readonly string[];
  readonly languages: readonly string[];
  /** "Never pair me with these ids" — a hard rule, applied both ways. */
  readonly blocks?: readonly string[];
  /** People this person already knows (co-authors, same lab, same team): never paired, like `blocks`. */
  readonly conflicts?: readonly string[];
  /** "I would like to meet these ids" — a bonus, larger when mutual. */
  readonly wishes?: readonly string[];
  /** Free text: what they are building or working on (English or French). See `text/text-model.ts`. */
  readonly text?: string;
  /** Free text: abstracts of their papers or talks, each one a text; read together with `text`. */
  readonly abstracts?: readonly string[];
}

/** Two attendee ids that met (or will meet); order does not matter. */
export type PairIds = readonly [string, string];

const TAG_FIELDS = ['stack', 'interests', 'lookingFor', 'canOffer', 'languages'] as const;
const ID_LIST_FIELDS = ['blocks', 'conflicts', 'wishes'] as const;
const TEXT_FIELDS = ['name', 'role', 'company', 'seniority', 'ticketType', 'text'] as const;
const KNOWN_FIELDS = new Set<string>(['id', ...TAG_FIELDS, ...ID_LIST_FIELDS, ...TEXT_FIELDS, 'abstracts']);

/**
 * Trims and lower-cases a tag, role or company: the form every comparison uses.
 *
 * Complexity: O(length).
 * @throws never.
 * @example normalizeTag(' RAG ') // 'rag'
 */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/**
 * Normalised, de-duplicated, sorted tags (the canonical set of a tag list); empty tags dropped.
 *
 * Complexity: O(t log t) for t tags.
 * @throws never.
 * @example tagSet(['RAG', 'rag ', 'agents']) // ['agents', 'rag']
 */
export function tagSet(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag))].filter((t) => t.length > 0).sort();
}

function checkStringList(value: unknown, field: string): void {
  if (!Array.isArray(value)) throw new MatchingInputError(field, 'must be an array of strings');
  value.forEach((item, i) => {
    if (typeof item !== 'string') throw new MatchingInputError(`${field}[${i}]`, 'must be a string');
  });
}

/**
 * Checks that `profiles` honour the {@link Profile} contract: every entry an
 * object with a unique non-empty string `id`, the five tag lists present as
 * arrays of strings, optional text fields (`name`, `role`, `company`,
 * `seniority`, `text`) strings, optional `blocks`/`wishes`/`abstracts`
 * arrays of strings, and no unknown field.
 *
 * Complexity: O(total size of the profiles).
 * @throws {MatchingInputError} naming the first offending field, e.g.
 *   `profiles[2].languages` or `profiles[5].id` (duplicate).
 * @example validateProfiles([{ id: 'a', stack: [], interests: ['rag'], lookingFor: [], canOffer: [], languages: ['en'] }]);
 */
export function validateProfiles(profiles: readonly Profile[]): void {
  if (!Array.isArray(profiles)) throw new MatchingInputError('profiles', 'must be an array');
  const seen = new Set<string>();
  profiles.forEach((raw: unknown, index) => {
    const at = `profiles[${index}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new MatchingInputError(at, 'must be an object');
    const p = raw as Record<string, unknown>;
    for (const key of Object.keys(p)) {
      if (!KNOWN_FIELDS.has(key)) throw new MatchingInputError(`${at}.${key}`, 'is not a profile field');
    }
    if (typeof p.id !== 'string' || p.id.trim().length === 0) throw new MatchingInputError(`${at}.id`, 'must be a non-empty string');
    if (seen.has(p.id)) throw new MatchingInputError(`${at}.id`, `duplicate id "${p.id}"`);
    seen.add(p.id);
    for (const field of TAG_FIELDS) checkStringList(p[field], `${at}.${field}`);
    for (const field of ID_LIST_FIELDS) if (p[field] !== undefined) checkStringList(p[field], `${at}.${field}`);
    if (p.abstracts !== undefined) checkStringList(p.abstracts, `${at}.abstracts`);
    for (const field of TEXT_FIELDS) {
      if (p[field] !== undefined && typeof p[field] !== 'string') throw new MatchingInputError(`${at}.${field}`, 'must be a string');
    }
  });
}

/**
 * Display name of a profile: its name when set and not blank, else its id.
 *
 * Complexity: O(length of the name).
 * @throws never.
 * @example displayName({ id: 'p1', name: 'Ada', ...lists }) // 'Ada'
 */
export function displayName(profile: Profile): string {
  const name = profile.name?.trim();
  return name !== undefined && name.length > 0 ? name : profile.id;
}

/**
 * Canonical key of an unordered pair of ids (`"a\u0000b"` with a < b).
 *
 * Complexity: O(length of the ids).
 * @throws never.
 * @example pairKey('b', 'a') === pairKey('a', 'b') // true
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
