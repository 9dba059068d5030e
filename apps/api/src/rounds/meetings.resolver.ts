import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { ConfirmsAttendeeItself, CurrentActor, UnconfirmedSession } from '../auth/auth.decorators';
import type { GraphqlContext } from '../common/graphql-context';
import { CountedInStatement, CountsLimitInStatement, type DeferredLimitHit } from '../rate-limit/counted-in-statement';
import { toFeedbackModel, toMyMeeting } from './meeting-view';
import { MeetingsService } from './meetings.service';
import { Feedback, FeedbackInput, MeetingsWhen, MyMeeting } from './models/meeting-views.model';
import { MeetingStatus } from './models/round.model';

@Resolver(() => MyMeeting)
export class MeetingsResolver {
  constructor(private readonly meetingsService: MeetingsService) {}

  @Query(() => [MyMeeting], { description: 'Attendees: your meetings in published rounds, in time order' })
  @ConfirmsAttendeeItself()
  @CountsLimitInStatement()
  async myMeetings(
    @CurrentActor() actor: Actor,
    @UnconfirmedSession() confirmSession: string | undefined,
    @CountedInStatement() limit: DeferredLimitHit | undefined,
    @Args('when', { type: () => MeetingsWhen, defaultValue: MeetingsWhen.ALL }) when: MeetingsWhen,
  ): Promise<MyMeeting[]> {
    const meetings = await this.meetingsService.myMeetings(actor, when, { confirmSession, limit });
    return meetings.map((meeting) => toMyMeeting(meeting, actor.kind === 'attendee' ? actor.attendeeId : ''));
  }

  @ResolveField(() => Date, {
    nullable: true,
    description: 'When this table’s round was published (null for office hours): the cursor a client gives meetingAssigned as `since` when it reconnects',
  })
  async publishedAt(@Parent() meeting: MyMeeting, @Context() context: GraphqlContext): Promise<Date | null> {
    return meeting.roundId ? ((await context.loaders.roundById.load(meeting.roundId))?.publishedAt ?? null) : null;
  }

  @Mutation(() => Feedback, { description: 'Attendees: say whether you met, how it was (1–5), whether you would meet again' })
  async submitFeedback(@CurrentActor() actor: Actor, @Args('input') input: FeedbackInput): Promise<Feedback> {
    return toFeedbackModel(await this.meetingsService.submitFeedback(actor, input));
  }

  @Mutation(() => MeetingStatus, { description: 'Organisers: mark (or unmark) an attendee as not having come; their pair may meet again later' })
  async markNoShow(
    @CurrentActor() actor: Actor,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('attendeeId', { type: () => ID }) attendeeId: string,
    @Args('noShow', { defaultValue: true }) noShow: boolean,
  ): Promise<MeetingStatus> {
    return (await this.meetingsService.setNoShow(actor, meetingId, attendeeId, noShow)).status as MeetingStatus;
  }
}
