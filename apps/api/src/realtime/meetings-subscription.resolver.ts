import { Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor, CurrentSession } from '../auth/auth.decorators';
import { forbidden } from '../common/domain-error';
import { MyMeeting } from '../rounds/models/meeting-views.model';
import { MeetingNotifier } from './meeting-notifier';

@Resolver()
export class MeetingsSubscriptionResolver {
  constructor(private readonly notifier: MeetingNotifier) {}

  @Subscription(() => MyMeeting, {
    description:
      'Attendees (graphql-ws, token in connectionParams.authorization): fires with your meeting when a round that has one is published, or when office-hour slots with you in them are',
  })
  meetingAssigned(@CurrentActor() actor: Actor, @CurrentSession() sessionId: string): AsyncIterable<{ meetingAssigned: MyMeeting }> {
    if (actor.kind !== 'attendee') throw forbidden('Only attendees receive meetings');
    return this.notifier.meetingsOf(actor.attendeeId, actor.eventId, sessionId);
  }
}
