import { humanTag, labelInSentence, meetingText, visibleReasons, type MeetingTextContext, type ReasonField } from '@pairwise/matching';
import { shareableFieldOf } from '../attendees/attendee.entity';
import type { PairReason } from './models/round.model';
import { readStoredReasons, type StoredPairReason } from './meeting-reasons';

/** An event's vocabulary: slug → label, for sentences ("RAG", not "rag"). */
export type TagLabels = ReadonlyMap<string, string>;

/** Why a table was matched and what it says, as one reader may see it. */
export interface MeetingExplanation {
  reasons: PairReason[];
  sentence: string;
  openingQuestion: string;
}

/** How a partner who keeps their name private is called in a sentence. */
export const UNNAMED_PARTNER = 'a fellow attendee';

/** A person at the table as the explanation needs them: their id, name (null: not shared) and shared fields. */
export interface SeatedPerson {
  id: string;
  name: string | null;
  sharedFields: readonly string[];
}

/** Whether a meeting of this status has taken place (held, or someone did not show): its texts speak of it as past. */
export const isPastMeeting = (status: string): boolean => status === 'HELD' || status === 'NO_SHOW';

/**
 * For organisers (and admins) of the event: every reason, in the third person, with each
 * participant's name as it is now — after a rename or an erasure, the new one. `past`: the
 * meeting took place (isPastMeeting), so the neutral sentence does not say "have not met yet".
 */
export function explainForStaff(stored: unknown, participants: readonly SeatedPerson[], labels: TagLabels, past = false): MeetingExplanation {
  const names = new Map(participants.map((p) => [p.id, p.name ?? UNNAMED_PARTNER]));
  const members = participants.map((p) => p.id);
  const pairs = seatedPairs(stored, members);
  const nameOf = (id: string) => names.get(id) ?? UNNAMED_PARTNER;
  return withRequest(
    { reasons: pairs.map(toPairReason), ...meetingText(pairs, context(null, nameOf, labels, past), members) },
    pairs.find((pair) => pair.requestedBy),
    null,
    nameOf,
  );
}

/**
 * For an attendee of the table: only their own pairs, and in each only what both people concerned
 * share (visibleReasons: the pairing report filters the same way), addressed to them as "you";
 * partners named only if they share their name.
 */
export function explainForAttendee(
  stored: unknown,
  reader: { id: string; sharedFields: readonly string[] },
  partners: readonly SeatedPerson[],
  labels: TagLabels,
  past = false,
): MeetingExplanation {
  const sharing = new Map<string, ReadonlySet<string>>([[reader.id, new Set(reader.sharedFields)], ...partners.map((p) => [p.id, new Set(p.sharedFields)] as const)]);
  const audience = { reader: reader.id, shares: (id: string, field: ReasonField) => sharing.get(id)?.has(shareableFieldOf(field)) ?? false };
  const names = new Map(partners.map((p) => [p.id, p.sharedFields.includes('name') && p.name ? p.name : UNNAMED_PARTNER]));
  const members = [reader.id, ...partners.map((p) => p.id)];
  const pairs = seatedPairs(stored, members).map((pair) => visibleReasons(pair, audience));
  const own = pairs.filter((pair) => pair.a === reader.id || pair.b === reader.id);
  const nameOf = (id: string) => names.get(id) ?? UNNAMED_PARTNER;
  return withRequest(
    // Whose request seated a pair is the two people's business: another reader's pairs lose it.
    { reasons: own.map(toPairReason), ...meetingText(pairs, context(reader.id, nameOf, labels, past), members) },
    own.find((pair) => pair.requestedBy),
    reader.id,
    nameOf,
  );
}

/**
 * A table seated for an accepted meeting request says so first ("You asked to meet Grace, and she accepted."):
 * to the two people concerned, who both know it, and to staff. `pair`: the reader's own pair with a request.
 */
function withRequest(explanation: MeetingExplanation, pair: StoredPairReason | undefined, reader: string | null, nameOf: (id: string) => string): MeetingExplanation {
  if (!pair?.requestedBy) return explanation;
  const asker = pair.requestedBy;
  const other = asker === pair.a ? pair.b : pair.a;
  const line =
    reader === asker
      ? `You asked to meet ${nameOf(other)}, and the request was accepted.`
      : reader === other
        ? `${capitalise(nameOf(asker))} asked to meet you, and you accepted.`
        : `${capitalise(nameOf(asker))} asked to meet ${nameOf(other)} through a meeting request, which was accepted.`;
  return { ...explanation, sentence: `${line} ${explanation.sentence}` };
}

function capitalise(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

/** The stored pairs whose two people are still at the table (someone taken out of a draft leaves none). */
function seatedPairs(stored: unknown, members: readonly string[]): StoredPairReason[] {
  const seated = new Set(members);
  return readStoredReasons(stored).filter((pair) => seated.has(pair.a) && seated.has(pair.b));
}

function context(reader: string | null, nameOf: (id: string) => string, labels: TagLabels, past: boolean): MeetingTextContext {
  return { reader, nameOf, past, labelOf: (slug) => labelInSentence(labels.get(slug) ?? humanTag(slug)) };
}

function toPairReason(pair: StoredPairReason): PairReason {
  return {
    attendeeA: pair.a,
    attendeeB: pair.b,
    score: pair.score,
    sharedInterests: [...pair.sharedInterests],
    aSeeksBOffers: [...pair.aSeeksBOffers],
    bSeeksAOffers: [...pair.bSeeksAOffers],
    sharedStack: [...pair.sharedStack],
    commonLanguages: [...pair.commonLanguages],
    wish: pair.wish,
    roleMix: pair.roleMix ? [...pair.roleMix.roles] : null,
    sameCompany: pair.sameCompany,
    sharedTerms: [...(pair.sharedTerms ?? [])],
    requestedBy: pair.requestedBy,
  };
}
