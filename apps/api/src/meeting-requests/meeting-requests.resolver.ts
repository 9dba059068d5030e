import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toAttendeeModel, visibilityFor } from '../attendees/attendee-view';
import { Attendee } from '../attendees/models/attendee.model';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphqlContext } from '../common/graphql-context';
import { toConnection } from '../common/paging';
import { Round } from '../rounds/models/round.model';
import { EventMeetingRequestsArgs, RequestMeetingInput, RespondToMeetingRequestInput } from './inputs/meeting-request.inputs';
import { notSeatedReason, toMeetingRequestModel } from './meeting-request.mapper';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingRequest, MeetingRequestConnection, RoundMeetingRequest } from './models/meeting-request.model';

@Resolver(() => MeetingRequest)
export class MeetingRequestsResolver {
  constructor(private readonly requests: MeetingRequestsService) {}

  @Mutation(() => MeetingRequest, {
    description:
      'Attendees: ask another attendee of your event to meet, with a short message (up to 280 characters). Asking again while your request is open ' +
      'returns it. Someone who cannot be asked (unknown, another event’s, not consenting, or a block either way) is NOT_FOUND, as an unknown id. ' +
      'Limited per day (Event.meetingRequestsPerDay: DAILY_QUOTA_REACHED); they are mailed unless they unsubscribed',
  })
  async requestMeeting(@CurrentActor() actor: Actor, @Args('input') input: RequestMeetingInput): Promise<MeetingRequest> {
    return toMeetingRequestModel(await this.requests.request(actor, input), actor);
  }

  @Mutation(() => MeetingRequest, { description: 'Attendees: accept or decline a request you received (the asker is mailed the answer); answering again the same way changes nothing' })
  async respondToMeetingRequest(@CurrentActor() actor: Actor, @Args('input') input: RespondToMeetingRequestInput): Promise<MeetingRequest> {
    return toMeetingRequestModel(await this.requests.respond(actor, input), actor);
  }

  @Mutation(() => MeetingRequest, { description: 'Attendees: withdraw a request you sent (pending or accepted), or your acceptance of one you received' })
  async cancelMeetingRequest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<MeetingRequest> {
    return toMeetingRequestModel(await this.requests.cancel(actor, id), actor);
  }

  @Query(() => [MeetingRequest], { description: 'Attendees: the meeting requests you sent and received, newest first, each with its status (the latest 500)' })
  async myMeetingRequests(@CurrentActor() actor: Actor): Promise<MeetingRequest[]> {
    return (await this.requests.myRequests(actor)).map((row) => toMeetingRequestModel(row, actor));
  }

  @Query(() => MeetingRequestConnection, { description: 'Organisers: the event’s meeting requests, newest first (without their messages, which are the two people’s own)' })
  async eventMeetingRequests(@CurrentActor() actor: Actor, @Args() args: EventMeetingRequestsArgs): Promise<MeetingRequestConnection> {
    return toConnection(await this.requests.eventRequests(actor, args), (row) => toMeetingRequestModel(row, actor));
  }

  @ResolveField(() => Attendee, { nullable: true, description: 'Who asked, as they share their profile with you (null when they share nothing with you)' })
  requester(@CurrentActor() actor: Actor, @Parent() request: MeetingRequest, @Context() context: GraphqlContext): Promise<Attendee | null> {
    return personAsSeen(actor, request.requesterId, context);
  }

  @ResolveField(() => Attendee, { nullable: true, description: 'Who was asked, as they share their profile with you (null when they share nothing with you)' })
  recipient(@CurrentActor() actor: Actor, @Parent() request: MeetingRequest, @Context() context: GraphqlContext): Promise<Attendee | null> {
    return personAsSeen(actor, request.recipientId, context);
  }
}

@Resolver(() => Round)
export class RoundMeetingRequestsResolver {
  constructor(private readonly requests: MeetingRequestsService) {}

  @ResolveField(() => [RoundMeetingRequest], {
    description:
      'Organisers: the accepted meeting requests this round’s generation was given (must-meet pairs), in priority order, each seated together ' +
      'or not and why (attendees: FORBIDDEN). Publishing fulfils every accepted request whose two people sit at one table',
  })
  async meetingRequests(@CurrentActor() actor: Actor, @Parent() round: Round): Promise<RoundMeetingRequest[]> {
    return (await this.requests.roundRequests(actor, round)).map(({ row, request }) => ({
      request: toMeetingRequestModel(request, actor),
      seated: row.seated,
      reason: notSeatedReason(row),
    }));
  }
}

/** One of the two people, built only from what they share with the reader (attendee-view.ts's rule). */
async function personAsSeen(actor: Actor, attendeeId: string, context: GraphqlContext): Promise<Attendee | null> {
  const attendee = await context.loaders.attendeeById.load(attendeeId);
  if (!attendee) return null;
  const visibility = visibilityFor(actor, attendee);
  return visibility === 'none' ? null : toAttendeeModel(attendee, visibility);
}
