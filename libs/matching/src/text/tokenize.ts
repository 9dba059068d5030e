import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';

/** The languages the text analyser knows: stop words and a Snowball stemmer each. */
export type TextLanguage = 'en' | 'fr';

const ENGLISH = new Set(englishStopwords);
const FRENCH = new Set(frenchStopwords);
/** Both lists: a French abstract quoting English terms (and the reverse) loses the glue words of both. */
const STOPWORDS = new Set([...ENGLISH, ...FRENCH]);

/** Elided articles and pronouns of French ("l'évaluation" → "évaluation"). */
const ELISION = /\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const HAS_LETTER = /\p{L}/u;

/** One text's content words: each distinct word with its count and stem. */
export interface AnalysedText {
  readonly language: TextLanguage;
  /** Distinct content words (stop words removed), in order of first appearance. */
  readonly words: readonly string[];
  /** How often each word of `words` appears. */
  readonly counts: readonly number[];
  /** The stem of each word of `words` (the language's Snowball stemmer). */
  readonly stems: readonly string[];
}

/** The lower-cased words of a text, French elisions removed, digits-only tokens and single characters dropped. */
function words(text: string): string[] {
  const lowered = text.normalize('NFC').toLowerCase().replace(ELISION, ' ');
  const out: string[] = [];
  for (const match of lowered.matchAll(WORD)) {
    const w = match[0];
    if (w.length >= 2 && HAS_LETTER.test(w)) out.push(w);
  }
  return out;
}

/**
 * The language of a list of words: French when more of them are French stop
 * words than English ones, else English (ties, and texts without any stop
 * word, read as English).
 *
 * Complexity: O(words).
 * @throws never.
 * @example detectLanguage(['le', 'modèle', 'de', 'langue']) // 'fr'
 */
export function detectLanguage(tokens: readonly string[]): TextLanguage {
  let en = 0;
  let fr = 0;
  for (const t of tokens) {
    if (ENGLISH.has(t)) en++;
    if (FRENCH.has(t)) fr++;
  }
  return fr > en ? 'fr' : 'en';
}

/**
 * Caches stems across texts: a conference's texts share most of their words,
 * so each distinct word is stemmed once per language.
 */
export class TextAnalyser {
  private readonly cache: Record<TextLanguage, Map<string, string>> = { en: new Map(), fr: new Map() };

  /**
   * Splits `text` into words (letters and digits, Unicode-aware; French
   * elisions such as "l'" and "qu'" removed), drops English and French stop
   * words, single characters and numbers, detects the language
   * ({@link detectLanguage}) and stems every word with that language's
   * Snowball stemmer (`@orama/stemmers`).
   *
   * Complexity: O(length of the text) plus one stemming per new word.
   * @throws never.
   * @example new TextAnalyser().analyse('Evaluating retrieval for RAG').stems // ['evalu', 'retriev', 'rag']
   */
  analyse(text: string): AnalysedText {
    const tokens = words(text);
    const language = detectLanguage(tokens);
    const stem = language === 'fr' ? frenchStemmer : englishStemmer;
    const cache = this.cache[language];
    const counts = new Map<string, number>();
    for (const w of tokens) if (!STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const distinct = [...counts.keys()];
    const stems = distinct.map((w) => {
      let s = cache.get(w);
      if (s === undefined) {
        s = stem(w);
        if (s.length === 0) s = w;
        cache.set(w, s);
      }
      return s;
    });
    return { language, words: distinct, counts: distinct.map((w) => counts.get(w) as number), stems };
  }
}
