import { tablePlace } from '../../rounds/table-place';
import { EventClock } from './format';
import type { MessageContent } from './layout';
import { CATALOGUES, type Catalogue, type MailLanguage, type SitOutReason } from './strings';

export interface EventFacts {
  name: string;
  timeZone: string;
  startsOn: string | null;
  endsOn: string | null;
  venue: string | null;
}

/** Another attendee as the recipient may see them: a field is null when its owner does not share it. */
export interface PersonFacts {
  name: string | null;
  /** Interest labels (the event vocabulary's), null when not shared. */
  interests: string[] | null;
}

interface Common {
  language: MailLanguage;
  event: EventFacts;
  recipientName: string;
}

/** One-click unsubscribe page (body link and List-Unsubscribe header). */
interface Unsubscribable {
  unsubscribeUrl: string;
}

export type MessageFacts =
  | (Common & Unsubscribable & { kind: 'INVITATION'; signInUrl: string; linkExpiresAt: Date })
  | (Common & { kind: 'SIGN_IN_LINK'; signInUrl: string; linkExpiresAt: Date })
  | (Common & Unsubscribable & { kind: 'MEETING_REMINDER'; roundName: string; startsAt: Date; endsAt: Date; table: string; partners: PersonFacts[] })
  | (Common &
      Unsubscribable & {
        kind: 'SLOT_REMINDER';
        role: 'asker' | 'speaker';
        talkTitle: string;
        startsAt: Date;
        endsAt: Date;
        location: string;
        other: PersonFacts | null;
        question: string;
      })
  | (Common & Unsubscribable & { kind: 'SIT_OUT_NOTICE'; roundName: string; startsAt: Date; reason: SitOutReason })
  | (Common & Unsubscribable & { kind: 'MEETING_REQUEST'; from: PersonFacts; message: string; expiresAt: Date; requestsUrl: string })
  | (Common & Unsubscribable & { kind: 'MEETING_REQUEST_ANSWER'; by: PersonFacts; accepted: boolean; requestsUrl: string })
  | (Common & Unsubscribable & { kind: 'MEETING_REQUEST_SLOT'; other: PersonFacts; asked: boolean; startsAt: Date; endsAt: Date; table: string; requestsUrl: string });

/** The content of one message, in its language, every time in the event's zone. */
export function composeMessage(facts: MessageFacts): MessageContent {
  const t = CATALOGUES[facts.language];
  const clock = new EventClock(facts.language, facts.event.timeZone);
  const base = { language: facts.language, greeting: t.hello(facts.recipientName) };
  const unsubscribe = (url: string) => [{ text: t.whyYouGetThis(facts.event.name), link: { label: t.unsubscribe, url } }];
  switch (facts.kind) {
    case 'INVITATION':
      return {
        ...base,
        subject: t.invitation.subject(facts.event.name),
        paragraphs: [
          t.invitation.body(facts.event.name, clock.dates(facts.event.startsOn, facts.event.endsOn, facts.language), facts.event.venue),
          t.linkOnce(clock.moment(facts.linkExpiresAt)),
          t.invitation.expired,
        ],
        action: { label: t.signIn, url: facts.signInUrl },
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    case 'SIGN_IN_LINK':
      return {
        ...base,
        subject: t.signInLink.subject(facts.event.name),
        paragraphs: [t.signInLink.body(facts.event.name), t.linkOnce(clock.moment(facts.linkExpiresAt)), t.signInLink.notYou],
        action: { label: t.signIn, url: facts.signInUrl },
        footer: [{ text: t.whyYouGetThis(facts.event.name) }],
      };
    case 'MEETING_REMINDER': {
      const people = listOf(t, facts.partners.map((partner) => describe(t, partner)));
      const place = tablePlace(facts.table, t.numberedTable);
      return {
        ...base,
        subject: t.meetingReminder.subject(facts.roundName, clock.time(facts.startsAt), place, people),
        paragraphs: [
          t.meetingReminder.body(facts.roundName, clock.day(facts.startsAt), clock.time(facts.startsAt), clock.time(facts.endsAt), clock.zone(facts.startsAt), place),
          t.meetingReminder.partner(people),
        ],
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    }
    case 'SLOT_REMINDER': {
      const other = facts.other ? describe(t, facts.other) : t.someone;
      const at = [clock.day(facts.startsAt), clock.time(facts.startsAt), clock.time(facts.endsAt), clock.zone(facts.startsAt), facts.location] as const;
      return {
        ...base,
        subject: t.slotReminder.subject(clock.time(facts.startsAt), facts.location, other),
        paragraphs: [
          facts.role === 'asker' ? t.slotReminder.asker(facts.talkTitle, other, ...at) : t.slotReminder.speaker(facts.talkTitle, other, ...at),
          ...(facts.question ? [t.slotReminder.question(facts.question)] : []),
        ],
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    }
    case 'SIT_OUT_NOTICE':
      return {
        ...base,
        subject: t.sitOut.subject(facts.roundName, clock.time(facts.startsAt)),
        paragraphs: [t.sitOut.body(facts.roundName, clock.day(facts.startsAt), clock.time(facts.startsAt), clock.zone(facts.startsAt)), t.sitOut.reason[facts.reason]],
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    case 'MEETING_REQUEST': {
      const who = facts.from.name ? describe(t, facts.from) : t.meetingRequest.someone;
      return {
        ...base,
        subject: t.meetingRequest.subject(who),
        paragraphs: [
          t.meetingRequest.body(who, facts.event.name),
          ...(facts.message ? [t.meetingRequest.message(facts.message)] : []),
          t.meetingRequest.answerBy(clock.moment(facts.expiresAt)),
        ],
        action: { label: t.meetingRequest.action, url: facts.requestsUrl },
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    }
    case 'MEETING_REQUEST_ANSWER': {
      const who = facts.by.name ? describe(t, facts.by) : t.meetingRequest.someone;
      const a = t.meetingRequestAnswer;
      return {
        ...base,
        subject: facts.accepted ? a.acceptedSubject(who) : a.declinedSubject(who),
        paragraphs: [facts.accepted ? a.accepted(who) : a.declined(who)],
        action: { label: a.action, url: facts.requestsUrl },
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    }
    case 'MEETING_REQUEST_SLOT': {
      const who = facts.other.name ? describe(t, facts.other) : t.meetingRequest.someone;
      const place = tablePlace(facts.table, t.numberedTable);
      const s = t.meetingRequestSlot;
      return {
        ...base,
        subject: s.subject(who, clock.day(facts.startsAt), clock.time(facts.startsAt), place),
        paragraphs: [
          facts.asked ? s.accepted(who) : s.youAccepted(who),
          s.when(clock.day(facts.startsAt), clock.time(facts.startsAt), clock.time(facts.endsAt), clock.zone(facts.startsAt), place),
        ],
        action: { label: t.meetingRequestAnswer.action, url: facts.requestsUrl },
        footer: unsubscribe(facts.unsubscribeUrl),
      };
    }
  }
}

/** "Ada Lovelace (RAG, inference)": only what the person shares; up to three interests. */
function describe(t: Catalogue, person: PersonFacts): string {
  const name = person.name ?? t.someone;
  return person.interests?.length ? `${name} (${person.interests.slice(0, 3).join(', ')})` : name;
}

function listOf(t: Catalogue, items: string[]): string {
  if (items.length === 0) return t.someone;
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} ${t.and} ${items.at(-1)}`;
}
