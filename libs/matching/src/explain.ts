import type { TagSection } from './encode';
import { pairText, type MeetingText } from './meeting-text';
import type { PairReasons } from './pair-reasons';
import { displayName } from './profile';
import { hashSeed, mixSeeds, type Seed } from './prng';
import type { ScoringModel } from './score';
import { scoreBreakdown } from './score';
import { sharedTerms } from './text/text-model';

/** Reasons plus one human sentence and an opening question built from them (third person, names as the profiles give them). */
export interface PairExplanation extends PairReasons, MeetingText {}

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

/**
 * The reasons of the pair {i, j} (indices into `model.profiles`), computed
 * from the profiles and the round's tag rarity; `seed` chooses the wording
 * variant of the texts rendered from them.
 *
 * Complexity: O(tags of i + tags of j + languages + text terms of i and j).
 * @throws never.
 * @example pairReasons(model, 0, 1).sharedInterests
 */
export function pairReasons(model: ScoringModel, i: number, j: number, seed: Seed = 0): PairReasons {
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
    sharedTerms: model.text === null ? [] : sharedTerms(model.text, lo, hi),
    variant: mixSeeds(hashSeed(seed), hashSeed(a.id), hashSeed(b.id)),
  };
}

/**
 * The reasons of {i, j} plus a sentence and an opening question in the third
 * person, with the profiles' names and the tags as slugs (see
 * {@link pairText}, which renders the same reasons for any reader). Wording
 * variants are chosen by `seed` and the pair's ids only, so the same input
 * and seed always give the same text.
 *
 * Complexity: O(tags of i + tags of j).
 * @throws never.
 * @example explainPair(model, 0, 1, 'round-1').sentence
 */
export function explainPair(model: ScoringModel, i: number, j: number, seed: Seed): PairExplanation {
  const reasons = pairReasons(model, i, j, seed);
  const names = new Map([model.profiles[i]!, model.profiles[j]!].map((p) => [p.id, displayName(p)]));
  return { ...reasons, ...pairText(reasons, { nameOf: (id) => names.get(id) ?? id }) };
}
