import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { toAttendeeModel } from '../attendees/attendee-view';
import { Attendee } from '../attendees/models/attendee.model';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { assertCanManage } from '../events/events.service';
import type { GraphqlContext } from '../graphql/request-loaders';
import { AttendeeScore, DraftProblem, LeftOut, Round } from './models/round.model';
import { RoundsService } from './rounds.service';

/**
 * Who sits out and who is worst served, by name: the organisers' review names people, not ids. The
 * profile is the staff view (organisers of the round's event only); null once the attendee is deleted.
 */
async function reviewedAttendee(actor: Actor, entry: { attendeeId: string; eventId: string }, context: GraphqlContext): Promise<Attendee | null> {
  assertCanManage(actor, entry.eventId);
  const attendee = await context.loaders.attendeeById.load(entry.attendeeId);
  return attendee && attendee.eventId === entry.eventId ? toAttendeeModel(attendee, 'full') : null;
}

@Resolver(() => LeftOut)
export class LeftOutResolver {
  @ResolveField(() => Attendee, { nullable: true, description: 'Organisers: who it is (null once deleted)' })
  attendee(@CurrentActor() actor: Actor, @Parent() leftOut: LeftOut, @Context() context: GraphqlContext): Promise<Attendee | null> {
    return reviewedAttendee(actor, leftOut, context);
  }
}

@Resolver(() => AttendeeScore)
export class AttendeeScoreResolver {
  @ResolveField(() => Attendee, { nullable: true, description: 'Organisers: who it is (null once deleted)' })
  attendee(@CurrentActor() actor: Actor, @Parent() score: AttendeeScore, @Context() context: GraphqlContext): Promise<Attendee | null> {
    return reviewedAttendee(actor, score, context);
  }
}

@Resolver(() => Round)
export class DraftReviewResolver {
  constructor(private readonly roundsService: RoundsService) {}

  @ResolveField(() => [DraftProblem], {
    description:
      'Organisers: the stale-draft warning — pairs of this generated draft that break a rule now (a block, a withdrawn consent, ' +
      'an opt-out, a check-out since it was generated). Publishing is refused while it is not empty: generate again or swap. ' +
      'Empty for a round that is not a generated draft.',
  })
  draftProblems(@CurrentActor() actor: Actor, @Parent() round: Round): Promise<DraftProblem[]> {
    return this.roundsService.draftProblems(actor, round);
  }
}
