import { SHAREABLE_FIELDS, AttendeeEntity, type ShareableField } from '../attendees/attendee.entity';
import { toAttendeeModel, visibilityFor } from '../attendees/attendee-view';
import { slotWindow } from '../talks/talks.service';
import type { Lane } from './lane';
import type { MailKind, MailPayload } from './mail.entities';
import type { MessageFactsRepository } from './message-facts.repository';
import { escapeHtml, renderHtml, renderText } from './templates/layout';
import { composeMessage, type EventFacts, type MessageFacts, type PersonFacts } from './templates/messages';
import { mailLanguage, type SitOutReason } from './templates/strings';

export interface ClaimedMessage {
  id: string;
  kind: MailKind;
  eventId: string;
  attendeeId: string;
  payload: MailPayload;
  attempts: number;
}

export interface ComposeSettings {
  publicUrl: string;
  signInToken(outboxId: string): string;
  unsubscribeToken(attendeeId: string): string;
  /** How long a link stays valid: asked-for links 15 minutes, invitations as long as an access code. */
  linkLifetimeMs(kind: 'INVITATION' | 'SIGN_IN_LINK'): number;
}

export interface ComposedMessage {
  to: string;
  subject: string;
  /** As sent. */
  text: string;
  html: string;
  /** As stored for staff to read: the sign-in token replaced by a mark. */
  storedText: string;
  storedHtml: string;
  headers: Record<string, string>;
  mentionedIds: string[];
  /** The personal sign-in link this message carries, for sign_in_links. */
  link?: { token: string; expiresAt: Date };
}

export type Composition = { cancelled: string } | { message: ComposedMessage };

/** Why a slot reminder was cancelled at sending when its slot was no longer the addressee's (the scheduler revives exactly those). */
export const SLOT_TAKEN_BY_SOMEONE_ELSE = 'The slot went to someone else';

const SIT_OUT_REASONS: readonly string[] = ['ODD_COUNT', 'NO_COMPATIBLE_PARTNER', 'NO_COMPATIBLE_TABLE', 'NOT_PRESENT', 'BUSY', 'UNAVAILABLE'] satisfies SitOutReason[];
/** Stands for the link in the rendered text until the real one (sent) or the mark (stored) replaces it. */
const LINK_SLOT = 'PAIRWISESIGNINLINKSLOT';
export const HIDDEN_TOKEN = 'hidden';

/**
 * Renders a claimed message from what the database says now — the recipient's address and language, the
 * partner's fields as that partner shares them today — or says why it must not go out any more (a
 * cancelled round, a meeting that started, an attendee who unsubscribed or was erased). Reads take a
 * share lock on the round or talk, so a cancellation either came before (no message) or waits for it.
 */
export async function composeClaimed(reads: MessageFactsRepository, lane: Lane, message: ClaimedMessage, settings: ComposeSettings): Promise<Composition> {
  const recipient = await reads.recipient(message.attendeeId, message.eventId, lane);
  if (!recipient || recipient.erased) return { cancelled: 'The attendee was erased or removed' };
  // A sign-in link was asked for by the person: it goes out even to someone who unsubscribed from the rest.
  if (recipient.opted_out && message.kind !== 'SIGN_IN_LINK') return { cancelled: 'The attendee unsubscribed from emails' };
  const language = mailLanguage(recipient.event_language, recipient.languages);
  const event: EventFacts = {
    name: recipient.event_name,
    timeZone: recipient.time_zone,
    startsOn: recipient.starts_on,
    endsOn: recipient.ends_on,
    venue: recipient.venue,
  };
  const common = { language, event, recipientName: recipient.name };
  const unsubscribeUrl = `${settings.publicUrl}/mail/unsubscribe?a=${message.attendeeId}&t=${settings.unsubscribeToken(message.attendeeId)}`;
  const people = new PeopleReader(reads, lane, message);
  let facts: MessageFacts;
  let link: ComposedMessage['link'];
  switch (message.kind) {
    case 'INVITATION':
    case 'SIGN_IN_LINK': {
      link = { token: settings.signInToken(message.id), expiresAt: new Date(Date.now() + settings.linkLifetimeMs(message.kind)) };
      facts =
        message.kind === 'INVITATION'
          ? { ...common, kind: 'INVITATION', signInUrl: LINK_SLOT, linkExpiresAt: link.expiresAt, unsubscribeUrl }
          : { ...common, kind: 'SIGN_IN_LINK', signInUrl: LINK_SLOT, linkExpiresAt: link.expiresAt };
      break;
    }
    case 'MEETING_REMINDER': {
      const meeting = await reads.reminderMeeting(message.payload.meetingId!, message.attendeeId, lane);
      if (!meeting || meeting.round_status !== 'PUBLISHED') return { cancelled: `The round is ${meeting?.round_status.toLowerCase() ?? 'gone'}` };
      if (meeting.status !== 'SCHEDULED' || !meeting.seated) return { cancelled: 'The meeting was cancelled or changed' };
      if (new Date(meeting.starts_at).getTime() <= Date.now()) return { cancelled: 'The meeting had already started' };
      const partners = await people.partnersAt(message.payload.meetingId!);
      // Everyone else at the table was erased or removed: nobody is coming, and nothing about them may be sent.
      if (!partners.length) return { cancelled: 'No partner is left at this meeting' };
      facts = {
        ...common,
        kind: 'MEETING_REMINDER',
        roundName: meeting.round_name,
        startsAt: new Date(meeting.starts_at),
        endsAt: new Date(meeting.ends_at),
        table: meeting.table_label,
        partners,
        unsubscribeUrl,
      };
      break;
    }
    case 'SLOT_REMINDER': {
      const slot = await reads.grantedSlot(message.payload.talkId!, message.payload.slotIndex!, lane);
      if (!slot || slot.allocation_status !== 'PUBLISHED') return { cancelled: 'The office-hour slots are no longer published' };
      const role = slot.speaker_id === message.attendeeId ? 'speaker' : slot.attendee_id === message.attendeeId ? 'asker' : null;
      if (!role) return { cancelled: SLOT_TAKEN_BY_SOMEONE_ELSE };
      const window = slotWindow({ startsAt: new Date(slot.starts_at), durationMinutes: slot.duration_minutes, slotMinutes: slot.slot_minutes }, message.payload.slotIndex!);
      if (window.startsAt.getTime() <= Date.now()) return { cancelled: 'The slot had already started' };
      const [other] = await people.byIds([role === 'speaker' ? slot.attendee_id : slot.speaker_id]);
      if (!other) return { cancelled: 'The other person of the slot was erased or removed' };
      facts = {
        ...common,
        kind: 'SLOT_REMINDER',
        role,
        talkTitle: slot.title,
        startsAt: window.startsAt,
        endsAt: window.endsAt,
        location: slot.location ?? 'Speaker corner',
        other,
        question: slot.question,
        unsubscribeUrl,
      };
      break;
    }
    case 'SIT_OUT_NOTICE': {
      const round = await reads.noticeRound(message.payload.roundId!, lane);
      if (!round || round.status !== 'PUBLISHED') return { cancelled: `The round is ${round?.status.toLowerCase() ?? 'gone'}` };
      if (new Date(round.starts_at).getTime() <= Date.now()) return { cancelled: 'The round had already started' };
      if (!SIT_OUT_REASONS.includes(message.payload.reason ?? '')) return { cancelled: `No notice for the reason ${message.payload.reason}` };
      facts = { ...common, kind: 'SIT_OUT_NOTICE', roundName: round.name, startsAt: new Date(round.starts_at), reason: message.payload.reason as SitOutReason, unsubscribeUrl };
      break;
    }
    case 'MEETING_REQUEST':
    case 'MEETING_REQUEST_ANSWER': {
      // The request as it is now (locked against a change while the message is rendered): a request withdrawn,
      // answered or expired since it was asked is not announced, nor an answer withdrawn since.
      const request = await reads.askedRequest(message.payload.meetingRequestId!, lane);
      const asking = message.kind === 'MEETING_REQUEST';
      if (!request || (asking ? request.recipient_id : request.requester_id) !== message.attendeeId) return { cancelled: 'The meeting request is gone' };
      if (request.expired && request.status !== 'DECLINED' && request.status !== 'FULFILLED') return { cancelled: 'The meeting request has expired' };
      if (asking ? request.status !== 'PENDING' : !['ACCEPTED', 'FULFILLED', 'DECLINED'].includes(request.status)) {
        return { cancelled: `The meeting request is ${request.status.toLowerCase()}` };
      }
      const [other] = await people.byIds([asking ? request.requester_id : request.recipient_id]);
      if (!other) return { cancelled: 'The other person of the request was erased or removed' };
      const requestsUrl = `${settings.publicUrl}/e/${encodeURIComponent(recipient.event_slug)}/requests`;
      facts = asking
        ? { ...common, kind: 'MEETING_REQUEST', from: other, message: request.message, expiresAt: new Date(request.expires_at), requestsUrl, unsubscribeUrl }
        : { ...common, kind: 'MEETING_REQUEST_ANSWER', by: other, accepted: request.status !== 'DECLINED', requestsUrl, unsubscribeUrl };
      break;
    }
    case 'MEETING_REQUEST_SLOT': {
      // The slot as it is now: one withdrawn since, or already begun, is not announced.
      const request = await reads.requestSlot(message.payload.meetingRequestId!, lane);
      if (!request || (request.requester_id !== message.attendeeId && request.recipient_id !== message.attendeeId)) return { cancelled: 'The meeting request is gone' };
      if (request.status !== 'ACCEPTED' || !request.slot_starts_at) return { cancelled: `The meeting request is ${request.status.toLowerCase()}` };
      if (new Date(request.slot_starts_at).getTime() <= Date.now()) return { cancelled: 'The meeting had already started' };
      const asked = request.requester_id === message.attendeeId;
      const [other] = await people.byIds([asked ? request.recipient_id : request.requester_id]);
      if (!other) return { cancelled: 'The other person of the request was erased or removed' };
      const requestsUrl = `${settings.publicUrl}/e/${encodeURIComponent(recipient.event_slug)}/requests`;
      facts = { ...common, kind: 'MEETING_REQUEST_SLOT', other, asked, startsAt: new Date(request.slot_starts_at), endsAt: new Date(request.slot_ends_at), table: request.slot_table, requestsUrl, unsubscribeUrl };
      break;
    }
  }
  const content = composeMessage(facts);
  const text = renderText(content);
  const html = renderHtml(content);
  const signInUrl = link ? `${settings.publicUrl}/sign-in?token=${link.token}` : '';
  const hiddenUrl = `${settings.publicUrl}/sign-in?token=${HIDDEN_TOKEN}`;
  const unsubscribable = message.kind !== 'SIGN_IN_LINK';
  return {
    message: {
      to: recipient.email,
      subject: content.subject,
      text: text.replaceAll(LINK_SLOT, signInUrl),
      html: html.replaceAll(LINK_SLOT, escapeHtml(signInUrl)),
      storedText: text.replaceAll(LINK_SLOT, hiddenUrl),
      storedHtml: html.replaceAll(LINK_SLOT, escapeHtml(hiddenUrl)),
      headers: unsubscribable ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
      mentionedIds: people.mentioned,
      link,
    },
  };
}

/**
 * Other attendees as the recipient may see them (the shared-field rule of attendee-view.ts), with interest
 * labels. Every person read is recorded in `mentioned` (whatever they share: a slot reminder also carries
 * the asker's question), so erasing them finds this message by their id.
 *
 * Their rows are read `FOR KEY SHARE NOWAIT`: an erasure holds the row `FOR UPDATE` from its first statement
 * to its commit, so a message cannot be rendered from a name the erasure is about to remove and stored after
 * the erasure looked for messages naming them. NOWAIT rather than waiting: this transaction already holds the
 * message's row, which the erasure may need (a retried message that named them), so waiting could deadlock;
 * the lane gives up the message and takes it again a moment later (PersonBusyError).
 */
class PeopleReader {
  readonly mentioned: string[] = [];

  constructor(
    private readonly facts: MessageFactsRepository,
    private readonly lane: Lane,
    private readonly message: ClaimedMessage,
  ) {}

  async partnersAt(meetingId: string): Promise<PersonFacts[]> {
    return this.byIds(await this.facts.partnerIds(meetingId, this.message.attendeeId, this.lane));
  }

  async byIds(ids: string[]): Promise<PersonFacts[]> {
    if (!ids.length) return [];
    const rows = await this.facts.people(ids, this.lane);
    const viewer = { kind: 'attendee' as const, attendeeId: this.message.attendeeId, eventId: this.message.eventId };
    const people = rows.map((row) => {
      this.mentioned.push(row.id);
      const entity = Object.assign(new AttendeeEntity(), {
        id: row.id,
        eventId: row.event_id,
        name: row.name,
        interests: row.interests,
        consentMatchmaking: row.consent_matchmaking,
        sharedFields: row.shared_fields.filter((field): field is ShareableField => (SHAREABLE_FIELDS as readonly string[]).includes(field)),
      });
      const visibility = visibilityFor(viewer, entity);
      if (visibility === 'none') return { name: null, interests: null };
      const model = toAttendeeModel(entity, visibility);
      return { name: model.name, interests: model.interests };
    });
    const slugs = [...new Set(people.flatMap((person) => person.interests ?? []))];
    if (!slugs.length) return people;
    const labels = await this.facts.tagLabels(this.message.eventId, slugs, this.lane);
    return people.map((person) => ({ ...person, interests: person.interests?.map((slug) => labels.get(slug) ?? slug) ?? null }));
  }
}
