import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toAttendeeModel } from '../attendees/attendee-view';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { localDateTime } from '../common/local-time';
import { decodeCursor, pageOf, toConnection } from '../common/paging';
import type { GraphqlContext } from '../common/graphql-context';
import { CreateRoundInput, GenerateRoundInput, MoveAttendeeInput, RoundMeetingsArgs, SwapAttendeesInput } from './inputs/round.inputs';
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
    @Args() { first, after, search }: RoundMeetingsArgs,
    @Context() context: GraphqlContext,
  ): Promise<MeetingConnection> {
    const afterTable = after === undefined ? 0 : decodeCursor(after, ([table, ...rest]) => (Number.isInteger(table) && !rest.length ? (table as number) : undefined));
    const rows = await this.meetingsService.roundMeetings(actor, round.id, first + 1, afterTable, search);
    const labels = new Map((await context.loaders.tagsByEventId.load(round.eventId)).map((tag) => [tag.slug, tag.label]));
    const page = { ...pageOf(rows, first), keyOf: ({ meeting }: (typeof rows)[number]) => [meeting.tableNumber] };
    return toConnection(page, ({ meeting, participants }) => ({
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
      ...explainForStaff(meeting.reasons, participants, labels, isPastMeeting(meeting.status)),
    }));
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
