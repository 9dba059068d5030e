import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { asAttendee } from '../auth/event-access';
import { CurrentActor, CurrentSession } from '../auth/auth.decorators';
import { MyMeeting } from '../rounds/models/meeting-views.model';
import { MeetingNotifier } from './meeting-notifier';

@Resolver()
export class MeetingsSubscriptionResolver {
  constructor(private readonly notifier: MeetingNotifier) {}

  @Subscription(() => MyMeeting, {
    description:
      'Attendees (graphql-ws, token in connectionParams.authorization): fires with your meeting when a round that has one is published, or when office-hour slots with you in them are. ' +
      'After a reconnection, pass `since` (the latest `publishedAt` you received): your round meetings published after it come first, then new ones as they are published',
  })
  meetingAssigned(
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string,
    @Args('since', { type: () => Date, nullable: true, description: 'Replay your round meetings published after this instant (a `publishedAt` you received)' }) since?: Date,
  ): AsyncIterable<{ meetingAssigned: MyMeeting }> {
    const me = asAttendee(actor, 'Only attendees receive meetings');
    return this.notifier.meetingsOf(me.attendeeId, me.eventId, sessionId, since);
  }
}
