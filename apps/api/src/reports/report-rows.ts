import { visibleReasons } from '@pairwise/matching';
import { shareableFieldOf, type ShareableField } from '../attendees/attendee.entity';
import type { TagLabels } from '../rounds/meeting-explanation';
import { readStoredReasons } from '../rounds/meeting-reasons';
import type { MeetingStatusValue } from '../rounds/meeting.entity';

/** One participant of a reported meeting: their id, and only what they chose to share (null otherwise). */
export interface ReportParticipant {
  attendeeId: string;
  name: string | null;
  email: string | null;
  company: string | null;
  role: string | null;
  noShow: boolean;
}

/** What the participants said about a meeting (notes are private and never reported). */
export interface FeedbackSummary {
  responses: number;
  /** Participants who said the meeting took place. */
  met: number;
  meanRating: number | null;
  /** Participants who would meet again; null when nobody answered that question. */
  wouldMeetAgain: number | null;
}

/** One row of a pairing report: one meeting. */
export interface PairingRow {
  meetingId: string;
  roundId: string;
  roundName: string;
  tableNumber: number;
  table: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatusValue;
  score: number;
  participants: ReportParticipant[];
  topReasons: string[];
  feedback: FeedbackSummary;
}

/** A row as the report query returns it (participants carry their id and shared fields, for the reasons). */
export interface PairingRowRecord {
  id: string;
  round_id: string;
  round_name: string;
  table_number: number;
  table_label: string;
  starts_at: Date;
  ends_at: Date;
  status: MeetingStatusValue;
  score: number;
  reasons: unknown;
  participants: { id: string; name: string | null; email: string | null; company: string | null; role: string | null; noShow: boolean; shares: ShareableField[] }[];
  feedback: { responses: number; met: number; meanRating: number | string | null; wouldMeetAgain: number | null };
}

const MAX_REASONS = 3;
const MAX_TAGS = 3;

/** `labels`: the event's vocabulary, so the reasons read "RAG", not "rag". */
export function toPairingRow(record: PairingRowRecord, labels: TagLabels = new Map()): PairingRow {
  const shares = new Map(record.participants.map((p) => [p.id, new Set(p.shares)]));
  const mean = record.feedback.meanRating;
  return {
    meetingId: record.id,
    roundId: record.round_id,
    roundName: record.round_name,
    tableNumber: record.table_number,
    table: record.table_label,
    startsAt: record.starts_at,
    endsAt: record.ends_at,
    status: record.status,
    score: record.score,
    participants: record.participants.map(({ id, name, email, company, role, noShow }) => ({ attendeeId: id, name, email, company, role, noShow })),
    topReasons: topReasons(record.reasons, (id, field) => shares.get(id)?.has(field) ?? false, labels),
    feedback: {
      responses: record.feedback.responses,
      met: record.feedback.met,
      meanRating: mean === null ? null : Math.round(Number(mean) * 100) / 100,
      wouldMeetAgain: record.feedback.wouldMeetAgain,
    },
  };
}

/**
 * The strongest reasons a table was matched, as short phrases, strongest pair
 * first — built only from fields both people concerned share (visibleReasons,
 * the rule everything an attendee reads about a partner follows too): shared
 * interests need both to share their interests, "offers what the other seeks"
 * needs the seeker to share `lookingFor` and the other `canOffer`. One-way
 * wishes stay private; a mutual one is reported. Tags read as the event's
 * vocabulary labels.
 */
export function topReasons(stored: unknown, shares: (attendeeId: string, field: ShareableField) => boolean, labels: TagLabels = new Map()): string[] {
  const pairs = readStoredReasons(stored).map((pair) => visibleReasons(pair, { shares: (id, field) => shares(id, shareableFieldOf(field)) }));
  const phrases: string[] = [];
  const add = (phrase: string) => {
    if (!phrases.includes(phrase)) phrases.push(phrase);
  };
  const list = (tags: readonly string[]) => tags.slice(0, MAX_TAGS).map((slug) => labels.get(slug) ?? slug).join(', ');
  for (const pair of [...pairs].sort((x, y) => y.score - x.score)) {
    if (pair.wish === 'mutual') add('both asked to meet');
    if (pair.sharedInterests.length) add(`shared interests: ${list(pair.sharedInterests)}`);
    if (pair.aSeeksBOffers.length) add(`offers what the other seeks: ${list(pair.aSeeksBOffers)}`);
    if (pair.bSeeksAOffers.length) add(`offers what the other seeks: ${list(pair.bSeeksAOffers)}`);
    if (pair.sharedStack.length) add(`shared stack: ${list(pair.sharedStack)}`);
    const roles = pair.roleMix?.roles;
    if (roles && roles[0] !== roles[1]) add(`roles: ${roles[0]} × ${roles[1]}`);
  }
  return phrases.slice(0, MAX_REASONS);
}
