import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toAttendeeModel } from '../attendees/attendee-view';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { commonError, CommonErrorReason } from '../common/domain-error';
import { localDateTime } from '../common/local-time';
import type { GraphqlContext } from '../common/graphql-context';
import { CreateRoundInput, GenerateRoundInput, MoveAttendeeInput, SwapAttendeesInput } from './inputs/round.inputs';
import { RoundAdjustmentsService } from './round-adjustments.service';
import { RoundDirectory } from './round-directory.service';
import { explainForStaff, isPastMeeting } from './meeting-explanation';
import { toFeedbackModel } from './meeting-view';
import { MeetingsService } from './meetings.service';
import { Feedback } from './models/meeting-views.model';
import { Meeting, MeetingConnection, MeetingStatus, Round } from './models/round.model';
import { toRoundModel } from './round.mapper';
import { RoundGenerationService } from './round-generation.service';
import { RoundsService } from './rounds.service';

const MAX_MEETINGS_PAGE = 500;

@Resolver(() => Round)
export class RoundsResolver {
  constructor(
    private readonly roundsService: RoundsService,
    private readonly generation: RoundGenerationService,
    private readonly meetingsService: MeetingsService,
    private readonly adjustments: RoundAdjustmentsService,
    private readonly directory: RoundDirectory,
  ) {}

  @Mutation(() => Round, {
    description: 'Organisers: exchange two attendees between their tables in a draft (or seat someone who sat out in another’s place). Hard rules are re-checked; `force` with a `reason` overrides them, and is recorded.',
  })
  async swapAttendees(@CurrentActor() actor: Actor, @Args('input') input: SwapAttendeesInput, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.adjustments.swap(actor, input);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Mutation(() => Round, {
    description: 'Organisers: move an attendee to another table of a draft, making it a trio. Hard rules are re-checked as for swaps.',
  })
  async moveAttendee(@CurrentActor() actor: Actor, @Args('input') input: MoveAttendeeInput, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.adjustments.move(actor, input);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Mutation(() => Round, { description: 'Organisers: a new round (DRAFT) with its start, length and tables' })
  async createRound(@CurrentActor() actor: Actor, @Args('input') input: CreateRoundInput, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.roundsService.create(actor, input);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Mutation(() => Round, {
    description:
      'Organisers: match the present, consenting, opted-in attendees. Returns at once with status GENERATING; ' +
      'poll `round { status progress }` until GENERATED. A second call while one runs gets CONFLICT.',
  })
  async generateRound(@CurrentActor() actor: Actor, @Args('input') input: GenerateRoundInput, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.generation.generate(actor, input);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Mutation(() => Round, { description: 'Organisers: make a generated draft visible to its attendees, all at once' })
  async publishRound(@CurrentActor() actor: Actor, @Args('roundId', { type: () => ID }) roundId: string, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.roundsService.publish(actor, roundId);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Mutation(() => Round, { description: 'Organisers: cancel a round that is not closed; its pairs may meet later' })
  async cancelRound(@CurrentActor() actor: Actor, @Args('roundId', { type: () => ID }) roundId: string, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.roundsService.cancel(actor, roundId);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Mutation(() => Round, { description: 'Organisers: end a published round; its meetings count as held unless marked no-show' })
  async closeRound(@CurrentActor() actor: Actor, @Args('roundId', { type: () => ID }) roundId: string, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.roundsService.close(actor, roundId);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Query(() => Round, { description: 'One round (attendees: published rounds only)' })
  async round(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Context() context: GraphqlContext): Promise<Round> {
    const round = await this.roundsService.get(actor, id);
    return toRoundModel(round, await context.loaders.eventById.load(round.eventId));
  }

  @Query(() => [Round], { description: 'The rounds of an event in time order (attendees: published rounds only)' })
  async rounds(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }) eventId: string, @Context() context: GraphqlContext): Promise<Round[]> {
    const event = await context.loaders.eventById.load(eventId);
    return (await this.directory.list(actor, eventId)).map((round) => toRoundModel(round, event));
  }

  @ResolveField(() => MeetingConnection, { description: 'Organisers: the round’s meetings by table, with scores and reasons' })
  async meetings(
    @CurrentActor() actor: Actor,
    @Parent() round: Round,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Context() context: GraphqlContext,
    @Args('after', { nullable: true }) after?: string,
    @Args('search', { nullable: true, description: 'Only the tables whose label, or one of whose people’s name, email or company, contains this (whatever its case), across the whole round' })
    search?: string,
  ): Promise<MeetingConnection> {
    if (first < 1 || first > MAX_MEETINGS_PAGE) {
      throw commonError(CommonErrorReason.PAGE_SIZE, `first must be between 1 and ${MAX_MEETINGS_PAGE}`, { fields: [{ field: 'first', message: `1 to ${MAX_MEETINGS_PAGE}` }] });
    }
    const afterTable = after === undefined || after === null ? 0 : decodeTableCursor(after);
    const page = await this.meetingsService.roundMeetings(actor, round.id, first + 1, afterTable, search);
    const shown = page.slice(0, first);
    const labels = new Map((await context.loaders.tagsByEventId.load(round.eventId)).map((tag) => [tag.slug, tag.label]));
    const edges = shown.map(({ meeting, participants }) => {
      const explanation = explainForStaff(meeting.reasons, participants, labels, isPastMeeting(meeting.status));
      return {
        cursor: encodeTableCursor(meeting.tableNumber),
        node: {
          id: meeting.id,
          roundId: meeting.roundId,
          tableNumber: meeting.tableNumber,
          table: meeting.tableLabel,
          startsAt: meeting.startsAt,
          startsAtLocal: localDateTime(meeting.startsAt, round.timeZone),
          endsAt: meeting.endsAt,
          endsAtLocal: localDateTime(meeting.endsAt, round.timeZone),
          score: meeting.score,
          status: meeting.status as MeetingStatus,
          participants: participants.map((p) => toAttendeeModel(p, 'full')),
          ...explanation,
        },
      };
    });
    return { edges, pageInfo: { hasNextPage: page.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

@Resolver(() => Meeting)
export class MeetingFeedbackResolver {
  constructor(private readonly meetingsService: MeetingsService) {}

  @ResolveField(() => [Feedback], { description: 'Organisers: what the participants said, private notes included' })
  async feedback(@CurrentActor() actor: Actor, @Parent() meeting: Meeting, @Context() context: GraphqlContext): Promise<Feedback[]> {
    const round = await context.loaders.roundById.load(meeting.roundId);
    return (await this.meetingsService.feedbackOf(actor, { id: meeting.id, eventId: round!.eventId })).map(toFeedbackModel);
  }
}

function encodeTableCursor(table: number): string {
  return Buffer.from(`table:${table}`).toString('base64url');
}

function decodeTableCursor(cursor: string): number {
  const match = /^table:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw commonError(CommonErrorReason.INVALID_CURSOR, 'The `after` cursor is not one this list produced', { fields: [{ field: 'after', message: 'unknown cursor' }] });
  return Number(match[1]);
}
