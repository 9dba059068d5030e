import { MatchingInputError } from './errors';
import { normalizeTag, type Profile } from './profile';
import { DEFAULT_WEIGHTS, resolveWeights, type MatchingWeights } from './weights';

/** The version of the rules document this library reads and writes. */
export const RULES_VERSION = 1;

/** What happens when two people of the same company could meet: a score penalty, or never. */
export type SameCompanyPolicy = 'penalty' | 'forbid';

/** A group of attendees: everyone with this role, or everyone with this ticket type (exactly one key). */
export interface PeopleSelector {
  readonly role?: string;
  readonly ticketType?: string;
}

/**
 * A "who can meet whom" hard rule about the people `who` selects: either they meet
 * `onlyWith` people of those groups, or they meet anyone `notWith` people of those groups
 * (exactly one of the two). It applies both ways: "investors only with founders" also keeps
 * every non-founder away from investors.
 */
export interface MeetingRule {
  readonly who: PeopleSelector;
  readonly onlyWith?: readonly PeopleSelector[];
  readonly notWith?: readonly PeopleSelector[];
}

/** The weights of the rules document: the matching weights plus the free-text share. */
export interface RulesWeights extends MatchingWeights {
  /** Share of the free-text affinity in the score (0 = tags only); null = the engine's default. */
  readonly text: number | null;
}

/**
 * The organiser's rules for an event, one JSON document: the same for the API (stored per event,
 * and with each generated round) and `pairwise plan --rules FILE`. {@link DEFAULT_RULES} scores
 * exactly as the matcher did before rules existed.
 */
export interface MatchingRules {
  readonly version: typeof RULES_VERSION;
  readonly weights: RulesWeights;
  readonly sameCompany: SameCompanyPolicy;
  readonly whoCanMeet: readonly MeetingRule[];
}

/** A rules document as written by people: every field optional, merged into {@link DEFAULT_RULES}. */
export interface MatchingRulesInput {
  readonly version?: number;
  readonly weights?: Partial<RulesWeights>;
  readonly sameCompany?: SameCompanyPolicy;
  readonly whoCanMeet?: readonly MeetingRule[];
}

/** The rules when an organiser set none: today's weights, a same-company penalty, nobody kept apart. */
export const DEFAULT_RULES: MatchingRules = Object.freeze({
  version: RULES_VERSION,
  weights: Object.freeze({ ...DEFAULT_WEIGHTS, text: null }),
  sameCompany: 'penalty',
  whoCanMeet: Object.freeze([]),
});

/** At most this many who-can-meet rules, and groups per rule: a document people can read. */
export const MAX_MEETING_RULES = 50;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readSelector(value: unknown, at: string): PeopleSelector {
  if (!isObject(value)) throw new MatchingInputError(at, 'must be an object with "role" or "ticketType"');
  const keys = Object.keys(value);
  for (const key of keys) if (key !== 'role' && key !== 'ticketType') throw new MatchingInputError(`${at}.${key}`, 'is not a group field (use "role" or "ticketType")');
  if (keys.length !== 1) throw new MatchingInputError(at, 'must name exactly one of "role" or "ticketType"');
  const key = keys[0] as 'role' | 'ticketType';
  const name = value[key];
  if (typeof name !== 'string' || normalizeTag(name).length === 0 || name.length > 100 || name.includes('\u0000')) {
    throw new MatchingInputError(`${at}.${key}`, 'must be a non-empty name of at most 100 characters');
  }
  return Object.freeze({ [key]: normalizeTag(name) });
}

function readSelectors(value: unknown, at: string): readonly PeopleSelector[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_MEETING_RULES) {
    throw new MatchingInputError(at, `must be a list of 1 to ${MAX_MEETING_RULES} groups`);
  }
  return Object.freeze(value.map((item, i) => readSelector(item, `${at}[${i}]`)));
}

function readMeetingRule(value: unknown, at: string): MeetingRule {
  if (!isObject(value)) throw new MatchingInputError(at, 'must be an object');
  for (const key of Object.keys(value)) {
    if (key !== 'who' && key !== 'onlyWith' && key !== 'notWith') throw new MatchingInputError(`${at}.${key}`, 'is not a rule field (use "who" with "onlyWith" or "notWith")');
  }
  const who = readSelector(value.who, `${at}.who`);
  if ((value.onlyWith === undefined) === (value.notWith === undefined)) throw new MatchingInputError(at, 'must have exactly one of "onlyWith" or "notWith"');
  return Object.freeze(
    value.onlyWith !== undefined ? { who, onlyWith: readSelectors(value.onlyWith, `${at}.onlyWith`) } : { who, notWith: readSelectors(value.notWith, `${at}.notWith`) },
  );
}

/**
 * Validates a rules document and fills in the defaults: `version` 1 (when given), weights as
 * `resolveWeights` checks them plus `text` in [0, 1] or null, `sameCompany` "penalty" or "forbid",
 * at most 50 who-can-meet rules, each with a `who` group and exactly one of `onlyWith`/`notWith`
 * (1 to 50 groups; a group names exactly one `role` or `ticketType`). Names are normalised
 * (trimmed, lower-cased). No unknown field anywhere.
 *
 * Complexity: O(size of the document).
 * @throws {MatchingInputError} naming the field, e.g. `rules.sameCompany` or `rules.whoCanMeet[1].who.role`
 *   (weights as `weights.<name>`).
 * @example
 * const rules = resolveRules({ sameCompany: 'forbid', whoCanMeet: [{ who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] }] });
 * rules.weights.interest; // 1 (default)
 */
export function resolveRules(input: MatchingRulesInput = {}): MatchingRules {
  if (!isObject(input)) throw new MatchingInputError('rules', 'must be an object');
  for (const key of Object.keys(input)) {
    if (!['version', 'weights', 'sameCompany', 'whoCanMeet'].includes(key)) throw new MatchingInputError(`rules.${key}`, 'is not a rules field');
  }
  if (input.version !== undefined && input.version !== RULES_VERSION) throw new MatchingInputError('rules.version', `must be ${RULES_VERSION}`);
  const rawWeights: unknown = input.weights === undefined ? {} : input.weights;
  if (!isObject(rawWeights)) throw new MatchingInputError('weights', 'must be an object');
  const { text = null, ...matching } = rawWeights as Record<string, unknown>;
  if (text !== null && (typeof text !== 'number' || !Number.isFinite(text) || text < 0 || text > 1)) {
    throw new MatchingInputError('weights.text', 'must be a number between 0 and 1, or null');
  }
  const weights = resolveWeights(matching as Partial<MatchingWeights>);
  const sameCompany = input.sameCompany === undefined ? 'penalty' : input.sameCompany;
  if (sameCompany !== 'penalty' && sameCompany !== 'forbid') throw new MatchingInputError('rules.sameCompany', 'must be "penalty" or "forbid"');
  const rawRules: unknown = input.whoCanMeet === undefined ? [] : input.whoCanMeet;
  if (!Array.isArray(rawRules) || rawRules.length > MAX_MEETING_RULES) throw new MatchingInputError('rules.whoCanMeet', `must be a list of at most ${MAX_MEETING_RULES} rules`);
  const whoCanMeet = rawRules.map((rule, i) => readMeetingRule(rule, `rules.whoCanMeet[${i}]`));
  return Object.freeze({ version: RULES_VERSION, weights: Object.freeze({ ...weights, text }), sameCompany, whoCanMeet: Object.freeze(whoCanMeet) });
}

function matches(selector: PeopleSelector, role: string, ticketType: string): boolean {
  return selector.role !== undefined ? selector.role === role : selector.ticketType === ticketType;
}

/** True when one side of the rule is satisfied: p is not in `who`, or q is in the groups it may meet. */
function permits(rule: MeetingRule, p: readonly [string, string], q: readonly [string, string]): boolean {
  if (!matches(rule.who, p[0], p[1])) return true;
  if (rule.onlyWith) return rule.onlyWith.some((s) => matches(s, q[0], q[1]));
  return !(rule.notWith ?? []).some((s) => matches(s, q[0], q[1]));
}

/**
 * The who-can-meet rules compiled for a population: people fall into classes (distinct
 * role × ticket type), and `allowed[c * classes + d]` says whether classes c and d may meet.
 * Internal to the library.
 */
export interface MeetingClasses {
  readonly classes: number;
  readonly classOf: Int32Array;
  readonly allowed: Uint8Array;
}

/**
 * Compiles `rules` for `profiles` (indexed as given). With no rule every person is in class 0
 * and every pair is allowed.
 *
 * Complexity: O(n + C² × rules × groups) for C distinct role × ticket-type combinations.
 * @throws never (the rules are already resolved).
 * @example meetingClasses(profiles, resolveRules(doc).whoCanMeet)
 */
export function meetingClasses(profiles: readonly Profile[], rules: readonly MeetingRule[]): MeetingClasses {
  if (rules.length === 0) return { classes: 1, classOf: new Int32Array(profiles.length), allowed: Uint8Array.of(1) };
  const keys = new Map<string, number>();
  const members: (readonly [string, string])[] = [];
  const classOf = Int32Array.from(profiles, (p) => {
    const person = [normalizeTag(p.role ?? ''), normalizeTag(p.ticketType ?? '')] as const;
    const key = `${person[0]}\u0000${person[1]}`;
    let c = keys.get(key);
    if (c === undefined) {
      c = members.length;
      keys.set(key, c);
      members.push(person);
    }
    return c;
  });
  const classes = members.length;
  const allowed = new Uint8Array(classes * classes);
  for (let c = 0; c < classes; c++) {
    for (let d = 0; d < classes; d++) {
      const p = members[c]!;
      const q = members[d]!;
      allowed[c * classes + d] = rules.every((rule) => permits(rule, p, q) && permits(rule, q, p)) ? 1 : 0;
    }
  }
  return { classes, classOf, allowed };
}

/**
 * Whether people i and j of a compiled population may meet under the who-can-meet rules.
 *
 * Complexity: O(1).
 * @throws never.
 * @example mayMeet(classes, 0, 1)
 */
export function mayMeet(compiled: MeetingClasses, i: number, j: number): boolean {
  return compiled.allowed[(compiled.classOf[i] as number) * compiled.classes + (compiled.classOf[j] as number)] === 1;
}

/**
 * Company of each profile as a small integer (indexed as given), −1 when none is given;
 * companies compare trimmed and lower-cased.
 *
 * Complexity: O(n).
 * @throws never.
 * @example companyIndex([{ company: 'Acme' }, { company: ' acme' }]) // Int32Array [0, 0]
 */
export function companyIndex(profiles: readonly Pick<Profile, 'company'>[]): Int32Array {
  const companies = new Map<string, number>();
  return Int32Array.from(profiles, (p) => {
    const c = normalizeTag(p.company ?? '');
    if (c.length === 0) return -1;
    if (!companies.has(c)) companies.set(c, companies.size);
    return companies.get(c) as number;
  });
}

/** The organiser's hard rules about groups, compiled for a population: who-can-meet and same company. */
export interface GroupRules {
  readonly meeting: MeetingClasses;
  readonly companyOf: Int32Array;
  readonly forbidSameCompany: boolean;
}

/**
 * Compiles the group hard rules of `rules` for `profiles` (indexed as given).
 *
 * Complexity: as {@link meetingClasses}.
 * @throws never.
 * @example groupRuleOf(compileGroupRules(profiles, rules), 0, 1) // 'meeting-rule'
 */
export function compileGroupRules(profiles: readonly Profile[], rules: MatchingRules): GroupRules {
  return { meeting: meetingClasses(profiles, rules.whoCanMeet), companyOf: companyIndex(profiles), forbidSameCompany: rules.sameCompany === 'forbid' };
}

/**
 * The group hard rule that keeps i and j apart (`meeting-rule` first), or null.
 *
 * Complexity: O(1).
 * @throws never.
 * @example groupRuleOf(groups, 0, 1)
 */
export function groupRuleOf(groups: GroupRules, i: number, j: number): 'meeting-rule' | 'same-company' | null {
  if (!mayMeet(groups.meeting, i, j)) return 'meeting-rule';
  if (groups.forbidSameCompany) {
    const company = groups.companyOf[i] as number;
    if (company >= 0 && company === groups.companyOf[j]) return 'same-company';
  }
  return null;
}
