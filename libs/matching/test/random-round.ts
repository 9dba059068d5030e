import type { PairIds, Profile } from '../src/profile';
import type { Prng } from '../src/prng';
import { generateConference } from '../src/synthetic';

/**
 * The people of a random round for property tests: `n` of the seeded synthetic conference (wishes and
 * blocks), each speaking one other language alone at `otherLanguageRate`, each pair met before at
 * `pastRate`, and sometimes one of them excluded — all drawn from `rng`, which the caller goes on
 * drawing from for the rest of its input.
 */
export function randomRoundPeople(
  rng: Prng,
  { n, seed, pastRate, otherLanguageRate }: { n: number; seed: number; pastRate: number; otherLanguageRate: number },
): { profiles: Profile[]; pastPairs: PairIds[]; excluded: string[] } {
  const profiles: Profile[] = generateConference(n, seed, { wishRate: 0.3, blockRate: 0.15 }).map((p) => ({
    ...p,
    languages: rng.next() < otherLanguageRate ? [['fr', 'de', 'en'][rng.nextInt(3)] as string] : p.languages,
  }));
  const pastPairs: PairIds[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.next() < pastRate) pastPairs.push([profiles[i]!.id, profiles[j]!.id]);
  const excluded = n > 3 && rng.next() < 0.3 ? [profiles[rng.nextInt(n)]!.id] : [];
  return { profiles, pastPairs, excluded };
}
