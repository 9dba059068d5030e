import { Injectable } from '@nestjs/common';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import type { Lane } from './lane';

/** The addressee of a message, with their event. */
export interface RecipientRow {
  email: string;
  name: string;
  languages: string[];
  erased: boolean;
  opted_out: boolean;
  event_name: string;
  event_slug: string;
  time_zone: string;
  starts_on: string | null;
  ends_on: string | null;
  venue: string | null;
  event_language: string | null;
}

/** Another attendee a message may mention, with what decides what the addressee may see of them. */
export interface PersonRow {
  id: string;
  event_id: string;
  name: string;
  interests: string[];
  consent_matchmaking: boolean;
  shared_fields: string[];
}

export interface ReminderMeetingRow {
  round_name: string;
  round_status: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  table_label: string;
  /** Whether the addressee is still one of its participants. */
  seated: boolean;
}

export interface GrantedSlotRow {
  title: string;
  location: string | null;
  starts_at: Date;
  duration_minutes: number;
  slot_minutes: number;
  speaker_id: string;
  allocation_status: string;
  attendee_id: string;
  question: string;
}

export interface NoticeRoundRow {
  name: string;
  status: string;
  starts_at: Date;
}

export interface AskedRequestRow {
  requester_id: string;
  recipient_id: string;
  message: string;
  status: string;
  expires_at: Date;
  expired: boolean;
}

export interface RequestSlotRow {
  requester_id: string;
  recipient_id: string;
  status: string;
  slot_starts_at: Date | null;
  slot_ends_at: Date;
  slot_table: string;
}

/**
 * What a message says, read when it is rendered (see composeClaimed): its addressee and event, the
 * meeting, round, slot or request it is about, and the people it mentions — across the aggregates, on
 * the sending lane's connection and in its transaction. The locks are part of each read: a share lock on
 * the round, talk or request, so a cancellation either came before (no message) or waits for it; the
 * people `FOR KEY SHARE NOWAIT` (see PeopleReader). Snapshotted in queries/message-facts.repository.sql.
 */
@Injectable()
export class MessageFactsRepository {
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async recipient(attendeeId: string, eventId: string, lane: Lane): Promise<RecipientRow | undefined> {
    const [row] = await lane.query<RecipientRow>(
      `SELECT a.email, a.name, a.languages, a.erased_at IS NOT NULL AS erased, a.mail_opt_out_at IS NOT NULL AS opted_out,
              e.name AS event_name, e.slug AS event_slug, e.time_zone, e.starts_on::text, e.ends_on::text, e.venue, e.language AS event_language
         FROM attendees a JOIN events e ON e.id = a.event_id
        WHERE a.id = $1 AND a.event_id = $2`,
      [attendeeId, eventId],
    );
    return row;
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async reminderMeeting(meetingId: string, attendeeId: string, lane: Lane): Promise<ReminderMeetingRow | undefined> {
    const [row] = await lane.query<ReminderMeetingRow>(
      `SELECT r.name AS round_name, r.status AS round_status, m.status, m.starts_at, m.ends_at, m.table_label,
              EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id AND p.attendee_id = $2) AS seated
         FROM meetings m JOIN rounds r ON r.id = m.round_id
        WHERE m.id = $1
          FOR SHARE OF r`,
      [meetingId, attendeeId],
    );
    return row;
  }

  /** The others at a meeting than the addressee, in id order. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async partnerIds(meetingId: string, attendeeId: string, lane: Lane): Promise<string[]> {
    const rows = await lane.query<{ attendee_id: string }>(`SELECT attendee_id FROM meeting_participants WHERE meeting_id = $1 AND attendee_id <> $2 ORDER BY attendee_id`, [
      meetingId,
      attendeeId,
    ]);
    return rows.map((row) => row.attendee_id);
  }

  /** A talk's granted slot with its holder and their question. */
  @GenerateSql({ params: [DummyValue.UUID, 0], transaction: true })
  async grantedSlot(talkId: string, slotIndex: number, lane: Lane): Promise<GrantedSlotRow | undefined> {
    const [row] = await lane.query<GrantedSlotRow>(
      `SELECT t.title, t.location, t.starts_at, t.duration_minutes, t.slot_minutes, t.speaker_id, t.allocation_status, r.attendee_id, r.question
         FROM talks t JOIN slot_requests r ON r.talk_id = t.id AND r.slot_index = $2
        WHERE t.id = $1
          FOR SHARE OF t`,
      [talkId, slotIndex],
    );
    return row;
  }

  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async noticeRound(roundId: string, lane: Lane): Promise<NoticeRoundRow | undefined> {
    const [row] = await lane.query<NoticeRoundRow>(`SELECT name, status, starts_at FROM rounds WHERE id = $1 FOR SHARE`, [roundId]);
    return row;
  }

  /** A meeting request as it is now, to announce it or its answer. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async askedRequest(requestId: string, lane: Lane): Promise<AskedRequestRow | undefined> {
    const [row] = await lane.query<AskedRequestRow>(
      `SELECT requester_id, recipient_id, message, status, expires_at, expires_at <= now() AS expired FROM meeting_requests WHERE id = $1 FOR SHARE`,
      [requestId],
    );
    return row;
  }

  /** An accepted meeting request's slot of its own, as it is now. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async requestSlot(requestId: string, lane: Lane): Promise<RequestSlotRow | undefined> {
    const [row] = await lane.query<RequestSlotRow>(
      `SELECT requester_id, recipient_id, status, slot_starts_at, slot_ends_at, slot_table FROM meeting_requests WHERE id = $1 FOR SHARE`,
      [requestId],
    );
    return row;
  }

  /** The unerased among `ids`, in id order, held against an erasure without waiting for one (see PeopleReader). */
  @GenerateSql({ params: [[DummyValue.UUID]], transaction: true })
  people(ids: readonly string[], lane: Lane): Promise<PersonRow[]> {
    return lane.query<PersonRow>(
      `SELECT id, event_id, name, interests, consent_matchmaking, shared_fields FROM attendees WHERE id = ANY($1::uuid[]) AND erased_at IS NULL
          ORDER BY id
            FOR KEY SHARE NOWAIT`,
      [ids],
    );
  }

  /** The event's labels of these interest slugs. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.STRING]], transaction: true })
  async tagLabels(eventId: string, slugs: readonly string[], lane: Lane): Promise<Map<string, string>> {
    const rows = await lane.query<{ slug: string; label: string }>(`SELECT slug, label FROM event_tags WHERE event_id = $1 AND slug = ANY($2::text[])`, [eventId, slugs]);
    return new Map(rows.map((tag) => [tag.slug, tag.label]));
  }
}
