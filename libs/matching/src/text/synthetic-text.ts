import type { Profile } from '../profile';
import { createPrng, hashSeed, mixSeeds, type Prng, type Seed } from '../prng';

/** Options of {@link withSyntheticTexts}. */
export interface SyntheticTextOptions {
  /** Target length of each text in characters; default 1,500. */
  readonly length?: number;
  /** Share of attendees who write a text; default 1. */
  readonly share?: number;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'si', 'pe', 'da', 'fu', 'go', 'hi', 'zu', 'bra', 'tri', 'sto', 'gen', 'lin', 'mor'];
const GLUE = ['the', 'of', 'and', 'for', 'with', 'we', 'our', 'in', 'on', 'to', 'a', 'is', 'that', 'how', 'from', 'this'];
const GENERAL = 4000;
const PER_TOPIC = 150;

/** A pronounceable pseudo-word for a number (deterministic, distinct per number). */
function pseudoWord(value: number): string {
  let v = value;
  let w = '';
  do {
    w += SYLLABLES[v % SYLLABLES.length];
    v = Math.floor(v / SYLLABLES.length);
  } while (v > 0);
  return `${w}x`;
}

function zipfPick(prng: Prng, size: number): number {
  // Inverse of a continuous Zipf(1) CDF over [1, size + 1).
  return Math.min(size - 1, Math.floor(Math.exp(prng.next() * Math.log(size + 1)) - 1));
}

/**
 * Seeded conference-like free text for tests and the benchmark: each
 * attendee's text speaks of their interests (the interest's words, then
 * pseudo-words of that topic, Zipf-skewed) mixed with general pseudo-words
 * and English glue words, about `length` characters. Attendees who share
 * interests therefore share vocabulary, as real texts do; the vocabulary is
 * large (thousands of words) as at a real event.
 *
 * Complexity: O(n × length).
 * @throws never.
 * @example withSyntheticTexts(generateConference(100, 's'), 's')[0].text
 */
export function withSyntheticTexts(profiles: readonly Profile[], seed: Seed, options: SyntheticTextOptions = {}): Profile[] {
  const length = options.length ?? 1500;
  const share = options.share ?? 1;
  return profiles.map((p) => {
    const prng = createPrng(mixSeeds(hashSeed(seed), hashSeed(p.id)));
    if (prng.next() >= share) return p;
    const topics = p.interests.length > 0 ? p.interests : ['general'];
    const words: string[] = [];
    let size = 0;
    while (size < length) {
      const roll = prng.next();
      let word: string;
      if (roll < 0.35) word = GLUE[prng.nextInt(GLUE.length)] as string;
      else if (roll < 0.75) {
        const topic = topics[prng.nextInt(topics.length)] as string;
        const base = hashSeed(topic) % 100_000;
        word = prng.next() < 0.2 ? topic.replace(/-/g, ' ') : pseudoWord(GENERAL + base * PER_TOPIC + zipfPick(prng, PER_TOPIC));
      } else word = pseudoWord(zipfPick(prng, GENERAL));
      words.push(word);
      size += word.length + 1;
    }
    return { ...p, text: `${words.join(' ')}.` };
  });
}
