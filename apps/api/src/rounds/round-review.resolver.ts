import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { toAttendeeModel } from '../attendees/attendee-view';
import { Attendee } from '../attendees/models/attendee.model';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { assertCanManage } from '../auth/event-access';
import type { GraphqlContext } from '../common/graphql-context';
import { toMatchingRulesModel } from '../matching-rules/matching-rules.mapper';
import { MatchingRules } from '../matching-rules/models/matching-rules.model';
import { AttendeeScore, DraftProblem, LeftOut, LeftOutReason, Round, RoundStats } from './models/round.model';
import { RoundsService } from './rounds.service';

/**
 * Who sits out and who is worst served, by name: the organisers' review names people, not ids. The
 * profile is the staff view (organisers of the round's event only); null once the attendee is deleted.
 */
async function reviewedAttendee(actor: Actor, entry: { attendeeId: string; eventId: string }, context: GraphqlContext): Promise<Attendee | null> {
  assertCanManage(actor, entry.eventId, 'Round');
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

/**
 * Who sits out and how well each attendee is served are other people's business: the round's
 * review figures and its sit-out list are for the event's organisers (and admins); an attendee
 * asking for them is refused (FORBIDDEN) and reads their own sit-out reason, `mySitOut`.
 */
@Resolver(() => Round)
export class RoundReviewResolver {
  @ResolveField(() => RoundStats, {
    nullable: true,
    description: 'Organisers: the review figures of the generated round, worst-served attendees included (attendees: FORBIDDEN)',
  })
  stats(@CurrentActor() actor: Actor, @Parent() round: Round): RoundStats | null {
    assertCanManage(actor, round.eventId, 'Round');
    return round.stats;
  }

  @ResolveField(() => MatchingRules, {
    nullable: true,
    description:
      'Organisers: the matching rules this draft was generated with (weights, same company, who can meet whom), for the review and to run it again ' +
      'offline (`document` is `pairwise plan --rules FILE`); publishing re-checks the draft with them. Null before generation, or for a round generated before rules were stored (attendees: FORBIDDEN)',
  })
  matchingRules(@CurrentActor() actor: Actor, @Parent() round: Round): MatchingRules | null {
    assertCanManage(actor, round.eventId, 'Round');
    return round.rules ? toMatchingRulesModel(round.rules) : null;
  }

  @ResolveField(() => [LeftOut], { description: 'Organisers: who is not in this round and why (attendees: FORBIDDEN; they read `mySitOut`)' })
  leftOut(@CurrentActor() actor: Actor, @Parent() round: Round): LeftOut[] {
    assertCanManage(actor, round.eventId, 'Round');
    return round.leftOut;
  }

  @ResolveField(() => LeftOutReason, {
    nullable: true,
    description:
      'Attendees: why you sit this round out (NOT_PRESENT, NO_CONSENT, OPTED_OUT, ODD_COUNT, NO_COMPATIBLE_PARTNER, NO_COMPATIBLE_TABLE: at a topic-table round, no table could seat you under the rules; BUSY: giving a talk or its office hours, or in a granted office-hour slot, during the round; UNAVAILABLE: outside your availability windows for part or all of the round); ' +
      'null when you have a table in it, were not yet registered when it was matched, or are not an attendee',
  })
  mySitOut(@CurrentActor() actor: Actor, @Parent() round: Round): LeftOutReason | null {
    if (actor.kind !== 'attendee' || actor.eventId !== round.eventId) return null;
    return round.leftOut.find((entry) => entry.attendeeId === actor.attendeeId)?.reason ?? null;
  }
}
