import { MailLanguageValue } from '../mail/models/mail.models';
import type { EventEntity } from './event.entity';
import { Event, OddPolicy } from './models/event.model';
import { DEFAULT_MEETING_REQUESTS_PER_DAY, DEFAULT_ROUND_MINUTES } from './events.service';

export function toEventModel(entity: EventEntity): Event {
  return {
    id: entity.id,
    slug: entity.slug,
    name: entity.name,
    timeZone: entity.timeZone,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    venue: entity.venue,
    oddPolicy: entity.matchingSettings.oddPolicy === 'bye' ? OddPolicy.BYE : OddPolicy.TRIO,
    defaultRoundMinutes: entity.matchingSettings.defaultRoundMinutes ?? DEFAULT_ROUND_MINUTES,
    meetingRequestsPerDay: entity.matchingSettings.meetingRequestsPerDay ?? DEFAULT_MEETING_REQUESTS_PER_DAY,
    meetingRequestSlots: entity.matchingSettings.requestSlots ?? null,
    language: entity.language as MailLanguageValue | null,
    retentionDays: entity.retentionDays,
    createdAt: entity.createdAt,
  };
}
