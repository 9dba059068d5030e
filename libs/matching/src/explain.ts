import type { TagSection } from './encode';
import { displayName } from './profile';
import { hashSeed, mixSeeds, type Seed } from './prng';
import type { ScoringModel } from './score';
import { scoreBreakdown } from './score';

/** Why two people were paired, as data (tags are normalised slugs). */
export interface PairReasons {
  /** The two ids, in id order: `a` < `b`. */
  readonly a: string;
  readonly b: string;
  /** Interests both list, rarest first (ties by name). */
  readonly sharedInterests: readonly string[];
  /** What `a` looks for and `b` offers, rarest first. */
  readonly aSeeksBOffers: readonly string[];
  /** What `b` looks for and `a` offers, rarest first. */
  readonly bSeeksAOffers: readonly string[];
  /** Stack both use, rarest first. */
  readonly sharedStack: readonly string[];
  /** Languages both speak (empty when either lists none). */
  readonly commonLanguages: readonly string[];
  /** `mutual` when both wished to meet, `a` or `b` when only that one did. */
  readonly wish: 'mutual' | 'a' | 'b' | 'none';
  /** The role pair and its bonus when the role-mix table has it (non-zero). */
  readonly roleMix: { readonly roles: readonly [string, string]; readonly bonus: number } | null;
  /** True when both work at the same company (a penalty). */
  readonly sameCompany: boolean;
}

/** Reasons plus one human sentence and an opening question built from them. */
export interface PairExplanation extends PairReasons {
  readonly sentence: string;
  readonly openingQuestion: string;
}

const MAX_LISTED = 5;

function rarestFirst(indices: Iterable<number>, section: TagSection): string[] {
  return [...indices]
    .sort((x, y) => (section.documentFrequency[x] as number) - (section.documentFrequency[y] as number) || (section.tags[x] as string).localeCompare(section.tags[y] as string))
    .slice(0, MAX_LISTED)
    .map((t) => section.tags[t] as string);
}

function intersect(a: Int32Array, b: Int32Array): number[] {
  const set = new Set(a);
  return Array.from(b).filter((t) => set.has(t));
}

/** "speculative-decoding" → "speculative decoding". */
function human(tag: string): string {
  return tag.replace(/[-_]+/g, ' ');
}

/** "a founder", "an engineer". */
function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function list(items: readonly string[]): string {
  const words = items.map(human);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The reasons of the pair {i, j} (indices into `model.profiles`), computed
 * from the profiles and the round's tag rarity.
 *
 * Complexity: O(tags of i + tags of j + languages).
 * @throws never.
 * @example pairReasons(model, 0, 1).sharedInterests
 */
export function pairReasons(model: ScoringModel, i: number, j: number): PairReasons {
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  const pa = model.tags.people[lo] as (typeof model.tags.people)[number];
  const pb = model.tags.people[hi] as (typeof model.tags.people)[number];
  const a = model.profiles[lo]!;
  const b = model.profiles[hi]!;
  const langs = (ls: readonly string[]): Set<string> => new Set(ls.map((l) => l.trim().toLowerCase()).filter((l) => l.length > 0));
  const la = langs(a.languages);
  const lb = langs(b.languages);
  const wa = model.wishes[lo]?.has(hi) ?? false;
  const wb = model.wishes[hi]?.has(lo) ?? false;
  const breakdown = scoreBreakdown(model, lo, hi);
  const role = (p: typeof a): string => (p.role ?? '').trim().toLowerCase();
  return {
    a: a.id,
    b: b.id,
    sharedInterests: rarestFirst(intersect(pa.interests, pb.interests), model.tags.interests),
    aSeeksBOffers: rarestFirst(intersect(pa.lookingFor, pb.canOffer), model.tags.goals),
    bSeeksAOffers: rarestFirst(intersect(pb.lookingFor, pa.canOffer), model.tags.goals),
    sharedStack: rarestFirst(intersect(pa.stack, pb.stack), model.tags.stack),
    commonLanguages: [...la].filter((l) => lb.has(l)).sort(),
    wish: wa && wb ? 'mutual' : wa ? 'a' : wb ? 'b' : 'none',
    roleMix: breakdown.roleMix !== 0 ? { roles: [role(a), role(b)] as const, bonus: breakdown.roleMix } : null,
    sameCompany: breakdown.sameCompany !== 0,
  };
}

type Template = (x: string, y: string, t: string) => string;

const INTEREST_QUESTIONS: readonly Template[] = [
  (_x, _y, t) => `What is the hardest open problem in ${t} right now?`,
  (_x, _y, t) => `What got you into ${t}, and what are you building with it?`,
  (_x, _y, t) => `Which recent result in ${t} changed your mind about something?`,
];
const GOAL_QUESTIONS: readonly Template[] = [
  (x, y, t) => `${y}, what would you tell ${x} about ${t}?`,
  (x, y, t) => `${x}, what would good help with ${t} look like for you — and ${y}, how have you handled it?`,
];
const STACK_QUESTIONS: readonly Template[] = [
  (_x, _y, t) => `What is one thing about ${t} you wish you had known a year ago?`,
  (_x, _y, t) => `How are you using ${t} in production, and what broke first?`,
];
const OPEN_QUESTIONS: readonly Template[] = [
  () => 'What are you hoping to take home from this conference?',
  () => 'What are you working on that you would love a second opinion on?',
];

/**
 * The reasons of {i, j} plus a sentence and an opening question. The
 * sentence joins the two strongest reasons (wish, shared rare interests,
 * complementary goals, shared stack, role mix); the question is built from
 * the strongest one. Wording variants are chosen by `seed` and the pair's
 * ids only, so the same input and seed always give the same text.
 *
 * Complexity: O(tags of i + tags of j).
 * @throws never.
 * @example explainPair(model, 0, 1, 'round-1').sentence
 */
export function explainPair(model: ScoringModel, i: number, j: number, seed: Seed): PairExplanation {
  const reasons = pairReasons(model, i, j);
  const a = model.profiles[Math.min(i, j)]!;
  const b = model.profiles[Math.max(i, j)]!;
  const x = displayName(a);
  const y = displayName(b);
  const pick = <T>(options: readonly T[], salt: number): T =>
    options[mixSeeds(hashSeed(seed), hashSeed(reasons.a), hashSeed(reasons.b), salt) % options.length] as T;

  const clauses: string[] = [];
  if (reasons.wish === 'mutual') clauses.push(`${x} and ${y} both asked to meet`);
  else if (reasons.wish !== 'none') clauses.push(`${reasons.wish === 'a' ? x : y} asked to meet ${reasons.wish === 'a' ? y : x}`);
  if (reasons.sharedInterests.length > 0) {
    clauses.push(`${clauses.length === 0 ? `${x} and ${y} both` : 'both'} care about ${list(reasons.sharedInterests.slice(0, 2))}`);
  }
  const goal = reasons.aSeeksBOffers[0] !== undefined
    ? `${x} is looking for ${human(reasons.aSeeksBOffers[0])}, which ${y} offers`
    : reasons.bSeeksAOffers[0] !== undefined
      ? `${y} is looking for ${human(reasons.bSeeksAOffers[0])}, which ${x} offers`
      : null;
  if (goal !== null) clauses.push(goal);
  if (reasons.sharedStack.length > 0) clauses.push(`${clauses.length === 0 ? `${x} and ${y} both` : 'both'} build with ${list(reasons.sharedStack.slice(0, 2))}`);
  if (reasons.roleMix !== null && reasons.roleMix.bonus > 0) clauses.push(`${article(reasons.roleMix.roles[0])} meets ${article(reasons.roleMix.roles[1])}`);
  const kept = clauses.slice(0, 2);
  const sentence = kept.length === 0
    ? `${x} and ${y} have not met yet and may find common ground.`
    : `${kept.length === 2 ? `${kept[0]}, and ${kept[1]}` : kept[0]}.`.replace(/^./, (c) => c.toUpperCase());

  let openingQuestion: string;
  if (reasons.sharedInterests[0] !== undefined) openingQuestion = pick(INTEREST_QUESTIONS, 1)(x, y, human(reasons.sharedInterests[0]));
  else if (reasons.aSeeksBOffers[0] !== undefined) openingQuestion = pick(GOAL_QUESTIONS, 2)(x, y, human(reasons.aSeeksBOffers[0]));
  else if (reasons.bSeeksAOffers[0] !== undefined) openingQuestion = pick(GOAL_QUESTIONS, 2)(y, x, human(reasons.bSeeksAOffers[0]));
  else if (reasons.sharedStack[0] !== undefined) openingQuestion = pick(STACK_QUESTIONS, 3)(x, y, reasons.sharedStack[0]);
  else openingQuestion = pick(OPEN_QUESTIONS, 4)(x, y, '');
  return { ...reasons, sentence, openingQuestion };
}
