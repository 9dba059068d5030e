import type { ShareableField } from '../attendees/attendee.entity';
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

interface StoredReason {
  a?: string;
  b?: string;
  score?: number;
  sharedInterests?: string[];
  aSeeksBOffers?: string[];
  bSeeksAOffers?: string[];
  sharedStack?: string[];
  commonLanguages?: string[];
  wish?: string;
  roleMix?: { roles?: [string, string] } | null;
}

export function toPairingRow(record: PairingRowRecord): PairingRow {
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
    topReasons: topReasons(record.reasons, (id, field) => shares.get(id)?.has(field) ?? false),
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
 * first — built only from fields both people concerned share: shared
 * interests need both to share their interests, "offers what the other
 * seeks" needs the seeker to share `lookingFor` and the other `canOffer`.
 * One-way wishes stay private; a mutual one is reported.
 */
export function topReasons(stored: unknown, shares: (attendeeId: string, field: ShareableField) => boolean): string[] {
  const reasons = (Array.isArray(stored) ? stored : []) as StoredReason[];
  const phrases: string[] = [];
  const add = (phrase: string) => {
    if (!phrases.includes(phrase)) phrases.push(phrase);
  };
  const list = (tags: string[] | undefined) => (tags ?? []).slice(0, MAX_TAGS).join(', ');
  for (const reason of [...reasons].sort((x, y) => (y.score ?? 0) - (x.score ?? 0))) {
    const a = reason.a ?? '';
    const b = reason.b ?? '';
    const both = (field: ShareableField) => shares(a, field) && shares(b, field);
    if (reason.wish === 'mutual') add('both asked to meet');
    if (reason.sharedInterests?.length && both('interests')) add(`shared interests: ${list(reason.sharedInterests)}`);
    if (reason.aSeeksBOffers?.length && shares(a, 'lookingFor') && shares(b, 'canOffer')) add(`offers what the other seeks: ${list(reason.aSeeksBOffers)}`);
    if (reason.bSeeksAOffers?.length && shares(b, 'lookingFor') && shares(a, 'canOffer')) add(`offers what the other seeks: ${list(reason.bSeeksAOffers)}`);
    if (reason.sharedStack?.length && both('stack')) add(`shared stack: ${list(reason.sharedStack)}`);
    const roles = reason.roleMix?.roles;
    if (roles && roles[0] !== roles[1] && both('role')) add(`roles: ${roles[0]} × ${roles[1]}`);
  }
  return phrases.slice(0, MAX_REASONS);
}
