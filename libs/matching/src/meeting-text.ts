import type { PairReasons } from './pair-reasons';
import { mixSeeds } from './prng';

/**
 * The profile fields an explanation draws on. What a pair's explanation may
 * mention for a reader depends on whether the people concerned share them.
 */
export type ReasonField = 'interests' | 'lookingFor' | 'canOffer' | 'stack' | 'languages' | 'role' | 'company' | 'text';

/** Who reads an explanation: what each attendee shares with them, and who they are. */
export interface ReasonAudience {
  /** Whether attendee `attendeeId` shares profile field `field` with this reader. */
  shares(attendeeId: string, field: ReasonField): boolean;
  /**
   * The reader when they are one of the pair: their own one-way wish is theirs to see. Anyone
   * else's one-way wish stays private; a mutual wish is known to both and is kept.
   */
  readonly reader?: string | null;
}

/**
 * The reasons of a pair reduced to what both people concerned share with
 * the audience: shared interests (or stack, languages, roles, company) need
 * both to share that field; "a looks for what b offers" needs `a` to share
 * `lookingFor` and `b` to share `canOffer`; the key terms of their free texts
 * need both to share `text`. One-way wishes are kept only for
 * the reader who made them. Ids, the wording variant and nothing else pass
 * through unchanged; the input is not mutated.
 *
 * Complexity: O(reasons size).
 * @throws never.
 * @example visibleReasons(reasons, { shares: () => false }).sharedInterests // []
 */
export function visibleReasons<R extends PairReasons>(reasons: R, audience: ReasonAudience): R {
  const { a, b } = reasons;
  const both = (field: ReasonField): boolean => audience.shares(a, field) && audience.shares(b, field);
  const reader = audience.reader ?? null;
  const wish = reasons.wish === 'mutual' || (reasons.wish === 'a' && reader === a) || (reasons.wish === 'b' && reader === b) ? reasons.wish : 'none';
  return {
    ...reasons,
    sharedInterests: both('interests') ? reasons.sharedInterests : [],
    aSeeksBOffers: audience.shares(a, 'lookingFor') && audience.shares(b, 'canOffer') ? reasons.aSeeksBOffers : [],
    bSeeksAOffers: audience.shares(b, 'lookingFor') && audience.shares(a, 'canOffer') ? reasons.bSeeksAOffers : [],
    sharedStack: both('stack') ? reasons.sharedStack : [],
    commonLanguages: both('languages') ? reasons.commonLanguages : [],
    wish,
    roleMix: both('role') ? reasons.roleMix : null,
    sameCompany: both('company') ? reasons.sameCompany : false,
    ...(reasons.sharedTerms === undefined ? {} : { sharedTerms: both('text') ? reasons.sharedTerms : [] }),
  };
}

/** How to write the people and tags of a meeting. */
export interface MeetingTextContext {
  /** The reader, addressed as "you"; null or absent: third person throughout (organisers, exports). */
  readonly reader?: string | null;
  /** How to name attendee `attendeeId`: the name they share, or a placeholder ("a fellow attendee"). */
  nameOf(attendeeId: string): string;
  /** How to write tag `slug` inside a sentence (the event vocabulary's label); default: the slug with spaces. */
  labelOf?(slug: string): string;
  /**
   * The meeting is over (held, or someone did not show): the neutral sentence must not say the
   * people "have not met yet" once their table has taken place. Default: not yet.
   */
  readonly past?: boolean;
}

/** What a meeting says: one sentence on why, and a question to open with. */
export interface MeetingText {
  readonly sentence: string;
  readonly openingQuestion: string;
}

/** The reasons of one pair of a meeting with the pair's score (to choose a reader's strongest pair). */
export type ScoredPairReasons = PairReasons & { readonly score?: number };

/** A person in a sentence: named, or the reader ("you"). */
interface Party {
  readonly id: string;
  readonly you: boolean;
  readonly name: string;
}

const MAX_LISTED_IN_SENTENCE = 2;
const MAX_TERMS_IN_SENTENCE = 3;

/** "speculative-decoding" → "speculative decoding": the fallback when there is no label. */
export function humanTag(slug: string): string {
  return slug.replace(/[-_]+/g, ' ');
}

/**
 * A vocabulary label as it reads inside a sentence: a capitalised first word
 * is lowered ("Mixture of experts" → "mixture of experts"), acronyms and mixed
 * case stay ("RAG", "LLM agents", "PyTorch").
 *
 * Complexity: O(length).
 * @throws never.
 * @example labelInSentence('Speculative decoding') // 'speculative decoding'
 */
export function labelInSentence(label: string): string {
  return /^[A-Z][a-z]*(\s|$)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "a founder", "an engineer". */
function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function capitalise(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

/**
 * The sentence and opening question of one pair, from its reasons as given
 * (filter them with {@link visibleReasons} first for a reader who may not
 * see everything). Third person for staff ("Ada and Grace both care about
 * RAG"); second person for a reader who is one of the two ("You and Grace
 * both care about RAG"). The sentence joins the two strongest reasons (wish,
 * shared interests, complementary goals, shared stack, role mix); the
 * question comes from the strongest. The wording variant comes from
 * `reasons.variant`, so the same reasons always read the same.
 *
 * Complexity: O(tags listed).
 * @throws never.
 * @example pairText(reasons, { nameOf: (id) => names.get(id) ?? id, reader: 'ada' }).sentence
 */
export function pairText(reasons: PairReasons, context: MeetingTextContext): MeetingText {
  const reader = context.reader ?? null;
  const label = (slug: string): string => (context.labelOf ? context.labelOf(slug) : humanTag(slug));
  const list = (tags: readonly string[]): string => {
    const words = tags.slice(0, MAX_LISTED_IN_SENTENCE).map(label);
    return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  };
  // Free-text terms are words of the two texts, not slugs: listed as written, up to three.
  const words = (terms: readonly string[]): string => {
    const listed = terms.slice(0, MAX_TERMS_IN_SENTENCE);
    return listed.length <= 1 ? listed.join('') : `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
  };
  const party = (id: string): Party => ({ id, you: id === reader, name: id === reader ? 'you' : context.nameOf(id) });
  // The reader comes first: "You and Grace", never "Grace and you".
  const [x, y] = reasons.b === reader ? [party(reasons.b), party(reasons.a)] : [party(reasons.a), party(reasons.b)];
  const both = `${x.name} and ${y.name} both`;
  const seeker = (seeks: Party, offers: Party, tag: string) =>
    `${seeks.name} ${seeks.you ? 'are' : 'is'} looking for ${label(tag)}, which ${offers.name} ${offers.you ? 'offer' : 'offers'}`;
  const a = party(reasons.a);
  const b = party(reasons.b);

  const clauses: string[] = [];
  if (reasons.wish === 'mutual') clauses.push(`${both} asked to meet`);
  else if (reasons.wish === 'a') clauses.push(`${a.name} asked to meet ${b.name}`);
  else if (reasons.wish === 'b') clauses.push(`${b.name} asked to meet ${a.name}`);
  if (reasons.sharedInterests.length > 0) clauses.push(`${clauses.length === 0 ? both : 'both'} care about ${list(reasons.sharedInterests)}`);
  const terms = reasons.sharedTerms ?? [];
  if (terms.length > 0) clauses.push(`${clauses.length === 0 ? both : 'both'} work on ${words(terms)}`);
  const goal = reasons.aSeeksBOffers[0] !== undefined
    ? seeker(a, b, reasons.aSeeksBOffers[0])
    : reasons.bSeeksAOffers[0] !== undefined
      ? seeker(b, a, reasons.bSeeksAOffers[0])
      : null;
  if (goal !== null) clauses.push(goal);
  if (reasons.sharedStack.length > 0) clauses.push(`${clauses.length === 0 ? both : 'both'} build with ${list(reasons.sharedStack)}`);
  if (reasons.roleMix !== null && reasons.roleMix.bonus > 0) {
    const [roleA, roleB] = reasons.roleMix.roles;
    clauses.push(
      a.you ? `you, ${article(roleA)}, meet ${article(roleB)}` : b.you ? `you, ${article(roleB)}, meet ${article(roleA)}` : `${article(roleA)} meets ${article(roleB)}`,
    );
  }
  const kept = clauses.slice(0, 2);
  const sentence = kept.length === 0
    ? context.past
      ? `${capitalise(x.name)} and ${y.name} were seated together to find common ground.`
      : `${capitalise(x.name)} and ${y.name} have not met yet and may find common ground.`
    : capitalise(`${kept.length === 2 ? `${kept[0]}, and ${kept[1]}` : kept[0]}.`);
  return { sentence, openingQuestion: openingQuestion(reasons, a, b, label) };
}

type Template = (seeks: Party, offers: Party, topic: string) => string;

const INTEREST_QUESTIONS: readonly Template[] = [
  (_s, _o, t) => `What is the hardest open problem in ${t} right now?`,
  (_s, _o, t) => `What got you into ${t}, and what are you building with it?`,
  (_s, _o, t) => `Which recent result in ${t} changed your mind about something?`,
];
/** Staff read a script with both names. */
const GOAL_QUESTIONS: readonly Template[] = [
  (s, o, t) => `${o.name}, what would you tell ${s.name} about ${t}?`,
  (s, o, t) => `${s.name}, what would good help with ${t} look like for you — and ${o.name}, how have you handled it?`,
];
/** A reader who looks for it asks the one who offers it. */
const ASK_FOR_HELP_QUESTIONS: readonly Template[] = [
  (_s, _o, t) => `What would you tell someone looking for ${t}?`,
  (_s, _o, t) => `How have you handled ${t}, and what would you do differently today?`,
];
/** A reader who offers it asks the one who looks for it. */
const OFFER_HELP_QUESTIONS: readonly Template[] = [
  (_s, _o, t) => `What would good help with ${t} look like for you?`,
  (_s, _o, t) => `Where are you stuck with ${t} right now?`,
];
const STACK_QUESTIONS: readonly Template[] = [
  (_s, _o, t) => `What is one thing about ${t} you wish you had known a year ago?`,
  (_s, _o, t) => `How are you using ${t} in production, and what broke first?`,
];
const TEXT_QUESTIONS: readonly Template[] = [
  (_s, _o, t) => `You both wrote about ${t}: what is your angle on it?`,
  (_s, _o, t) => `Where does ${t} come into what you are working on?`,
];
const OPEN_QUESTIONS: readonly Template[] = [
  () => 'What are you hoping to take home from this conference?',
  () => 'What are you working on that you would love a second opinion on?',
];

function openingQuestion(reasons: PairReasons, a: Party, b: Party, label: (slug: string) => string): string {
  const pick = (options: readonly Template[], salt: number): Template => options[mixSeeds(reasons.variant, salt) % options.length] as Template;
  const goalQuestion = (seeks: Party, offers: Party, tag: string): string => {
    const options = seeks.you ? ASK_FOR_HELP_QUESTIONS : offers.you ? OFFER_HELP_QUESTIONS : GOAL_QUESTIONS;
    return pick(options, 2)(seeks, offers, label(tag));
  };
  if (reasons.sharedInterests[0] !== undefined) return pick(INTEREST_QUESTIONS, 1)(a, b, label(reasons.sharedInterests[0]));
  if (reasons.aSeeksBOffers[0] !== undefined) return goalQuestion(a, b, reasons.aSeeksBOffers[0]);
  if (reasons.bSeeksAOffers[0] !== undefined) return goalQuestion(b, a, reasons.bSeeksAOffers[0]);
  if (reasons.sharedTerms?.[0] !== undefined) return pick(TEXT_QUESTIONS, 5)(a, b, reasons.sharedTerms[0]);
  if (reasons.sharedStack[0] !== undefined) return pick(STACK_QUESTIONS, 3)(a, b, label(reasons.sharedStack[0]));
  return pick(OPEN_QUESTIONS, 4)(a, b, '');
}

/**
 * What a table says: its pairs' reasons in the order a round stores them
 * (for a trio: the pair first, then the two pairs of the one who joined).
 * Staff read the first pair's text, after "Carol joins this table." for a
 * trio. A reader who sits at the table reads the text of their own pair —
 * for the one who joined, the stronger of their two — after "You join Ada
 * and Grace at this table." or "Carol joins you and Grace at this table.".
 * A table of four or more (a table round) says who sits there ("You sit
 * with Ada, Grace and Alan." / "Ada, Grace and Alan share this table.") and
 * then the text of the reader's strongest pair (the table's, for staff).
 * Only pairs between `members` count (a member taken out of a draft leaves
 * none behind). Filter each pair with {@link visibleReasons} first for a
 * reader who may not see everything.
 *
 * Complexity: O(pairs + tags listed).
 * @throws never: no pair gives the neutral "may find common ground" text (in the past tense once
 * `context.past`: "were seated together to find common ground").
 * @example meetingText([reasons], { nameOf, labelOf, reader: 'ada' }, ['ada', 'grace'])
 */
export function meetingText(pairs: readonly ScoredPairReasons[], context: MeetingTextContext, members?: readonly string[]): MeetingText {
  const seated = members ? new Set(members) : null;
  const kept = seated ? pairs.filter((p) => seated.has(p.a) && seated.has(p.b)) : [...pairs];
  const reader = context.reader ?? null;
  const first = kept[0];
  if (first === undefined) {
    const others = (members ?? []).filter((id) => id !== reader);
    const placeholder: PairReasons = {
      a: reader ?? others[0] ?? '',
      b: reader === null ? (others[1] ?? '') : (others[0] ?? ''),
      sharedInterests: [], aSeeksBOffers: [], bSeeksAOffers: [], sharedStack: [], commonLanguages: [],
      wish: 'none', roleMix: null, sameCompany: false, variant: 0,
    };
    return pairText(placeholder, context);
  }
  const ids = [...new Set(kept.flatMap((p) => [p.a, p.b]))];
  const name = (id: string): string => (id === reader ? 'you' : context.nameOf(id));
  if (ids.length > 3) {
    // A table: the reader's strongest pair (everyone's, for a third party), after who sits there.
    const own = reader !== null && ids.includes(reader) ? kept.filter((p) => p.a === reader || p.b === reader) : kept;
    const best = own.reduce((top, p) => ((p.score ?? 0) > (top.score ?? 0) ? p : top), own[0] ?? first);
    const text = pairText(best, context);
    const others = ids.filter((id) => id !== reader).map(name);
    const list = `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
    const seated = reader !== null && ids.includes(reader) ? `You sit with ${list}.` : `${capitalise(list)} share this table.`;
    return { sentence: `${seated} ${text.sentence}`, openingQuestion: text.openingQuestion };
  }
  const joiner = ids.length === 3 ? ids.find((id) => id !== first.a && id !== first.b) : undefined;
  if (joiner === undefined) return pairText(first, context);
  if (reader === joiner) {
    const own = kept.filter((p) => p.a === reader || p.b === reader);
    const best = own.reduce((top, p) => ((p.score ?? 0) > (top.score ?? 0) ? p : top), own[0] ?? first);
    const text = pairText(best, context);
    return { sentence: `You join ${name(first.a)} and ${name(first.b)} at this table. ${text.sentence}`, openingQuestion: text.openingQuestion };
  }
  const text = pairText(first, context);
  if (reader === first.a || reader === first.b) {
    const other = reader === first.a ? first.b : first.a;
    return { sentence: `${capitalise(name(joiner))} joins you and ${name(other)} at this table. ${text.sentence}`, openingQuestion: text.openingQuestion };
  }
  return { sentence: `${capitalise(name(joiner))} joins this table. ${text.sentence}`, openingQuestion: text.openingQuestion };
}
