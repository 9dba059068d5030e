import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { LocalTimeSpan, ZonedLocalTimeSpan } from '../../common/local-time.model';
import { Connection, PageInfo } from '../../common/connection.model';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Attendee } from '../../attendees/models/attendee.model';
import { OddPolicy } from '../../events/models/event.model';
import type { MatchingRules as MatchingRulesDocument } from '@pairwise/matching';
import type { GenerationTimings as StoredGenerationTimings, StoredRoundStats, StoredTextStats } from '../round.entity';

export const RoundStatus = defineEnum(['DRAFT', 'GENERATING', 'GENERATED', 'PUBLISHED', 'CLOSED', 'CANCELLED'], {
  name: 'RoundStatus',
  description: 'DRAFT → GENERATING → GENERATED (review, adjust) → PUBLISHED (attendees see it) → CLOSED; or CANCELLED',
});
export type RoundStatus = EnumValue<typeof RoundStatus>;

export const Fairness = defineEnum(['NONE', 'MAXMIN'], {
  name: 'Fairness',
  description: 'NONE maximises the total score; MAXMIN first lifts the worst-served attendee, at a cost in total shown in the stats',
});
export type Fairness = EnumValue<typeof Fairness>;

export const LeftOutReason = defineEnum(
  [
    'NOT_PRESENT',
    'NO_CONSENT',
    'OPTED_OUT',
    'ODD_COUNT',
    'NO_COMPATIBLE_PARTNER',
    /** Topic tables: some people may meet them, but no table of the round could seat them under the hard rules. */
    'NO_COMPATIBLE_TABLE',
    /** Giving a talk, holding its office hours, or granted an office-hour slot while the round runs. */
    'BUSY',
    /** Not at the event for the whole round: outside the availability windows they (or an organiser) set. */
    'UNAVAILABLE',
  ],
  { name: 'LeftOutReason' },
);
export type LeftOutReason = EnumValue<typeof LeftOutReason>;

export const MeetingStatus = defineEnum(['SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED'], { name: 'MeetingStatus' });
export type MeetingStatus = EnumValue<typeof MeetingStatus>;

@ObjectType({ description: 'How long a finished generation spent in each phase, in milliseconds of wall time' })
export class GenerationTimings implements StoredGenerationTimings {
  @Field(() => Int, { description: 'Reading the roster: attendees, wishes, blocks, past pairs, sit-outs, busy people' })
  loadingMs!: number;

  @Field(() => Int, { description: 'The matching worker thread, from its start to the plan back on the main thread (the next three)' })
  matchingMs!: number;

  @Field(() => Int, { description: 'Starting the worker thread: loading its code and receiving the roster' })
  workerStartMs!: number;

  @Field(() => Int, { description: 'The matching itself: scoring, solving, seating, explaining' })
  planMs!: number;

  @Field(() => Int, { description: 'The plan’s way back to the main thread' })
  resultTransferMs!: number;

  @Field(() => Int, { description: 'Writing the draft: meetings, participants and pairs, in one transaction' })
  storingMs!: number;

  @Field(() => Int)
  totalMs!: number;
}

@ObjectType({ description: 'Where a generation is: poll `round { progress }` while the status is GENERATING' })
export class GenerationProgress {
  @Field({ description: 'queued, loading, matching, storing, then done, failed (see error) or cancelled' })
  phase!: string;

  @Field(() => Int, { nullable: true, description: 'Attendees being matched' })
  attendees!: number | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the generation failed (the round is back to its draft): generate it again' })
  error!: string | null;

  @Field(() => GenerationTimings, { nullable: true, description: 'Once done: how long each phase took' })
  timings!: GenerationTimings | null;
}

@ObjectType()
export class AttendeeScore {
  @Field(() => ID)
  attendeeId!: string;

  /** Resolved by round-review.resolver.ts (organisers of the event only). */
  eventId!: string;

  @Field(() => Float, { nullable: true, description: 'Their meeting’s score for them; null when they sat out' })
  score!: number | null;
}

/** The stored figures, field for field (round.entity.ts defines them once); who sat out is `Round.leftOut`. */
@ObjectType({ description: 'What a generated round looks like, for the organisers’ review' })
export class RoundStats implements Omit<StoredRoundStats, 'worstServed' | 'leftOut'> {
  @Field(() => Int, { description: 'Present, consenting, opted-in attendees' })
  eligible!: number;

  @Field(() => Int, { description: 'Attendees with a meeting' })
  matched!: number;

  @Field(() => Int)
  pairs!: number;

  @Field(() => Int)
  trios!: number;

  @Field(() => Int, { description: 'Tables of a table round (Round.tableSize); 0 in a pairs round' })
  tables!: number;

  @Field(() => Int)
  byes!: number;

  @Field(() => Float)
  totalScore!: number;

  @Field(() => Float, { nullable: true })
  meanScore!: number | null;

  @Field(() => Float, { nullable: true })
  minScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of meetings whose people work at different companies' })
  crossCompanyShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of meetings whose people have different roles' })
  crossRoleShare!: number | null;

  @Field({ description: 'The pairing was proven optimal (dual certificate)' })
  certifiedOptimal!: boolean;

  @Field(() => Float, {
    description:
      'Relative gap to the optimum bound (0 when certified): the plan is at most this far below the best possible total. ' +
      'Pairs: the dual bound of the exact matching; tables: a Lagrangian bound (each person’s best partners), so a table round’s gap is an upper limit, not a measured distance',
  })
  optimalityGap!: number;

  @Field(() => Float, { nullable: true, description: 'The bound itself, in score units: no plan of this round can total more (null for drafts generated before it was kept)' })
  scoreUpperBound!: number | null;

  @Field(() => Float, { nullable: true, description: 'Total score given up for fairness (MAXMIN)' })
  fairnessCost!: number | null;

  @Field(() => [AttendeeScore], { description: 'The five worst-served attendees, lowest first' })
  worstServed!: AttendeeScore[];

  @Field(() => RoundTextStats, { nullable: true, description: "The free-text analysis of the seated attendees' bios; null when no bio was scored" })
  text!: RoundTextStats | null;
}

@ObjectType({ description: "How a round read the attendees' bios (free text): TF-IDF, then a truncated SVD (latent semantic analysis)" })
export class RoundTextStats implements StoredTextStats {
  @Field(() => Int, { description: 'Attendees whose bio kept at least one term another attendee also uses' })
  people!: number;

  @Field(() => Int, { description: 'Distinct terms (stems) used by at least two attendees' })
  vocabulary!: number;

  @Field(() => Int, { description: 'Rank of the latent space: the smallest explaining the target share of the variance, at most 64' })
  rank!: number;

  @Field(() => Float, { description: "Share of the TF-IDF matrix's variance (energy) the rank explains, 0 to 1" })
  explainedVariance!: number;

  @Field(() => Float, { description: "The text's share of the similarity part of the score, 0 to 1" })
  share!: number;
}

@ObjectType()
export class LeftOut {
  @Field(() => ID)
  attendeeId!: string;

  /** Resolved by round-review.resolver.ts (organisers of the event only). */
  eventId!: string;

  @Field(() => LeftOutReason)
  reason!: LeftOutReason;
}

@ObjectType({
  description:
    'A pair of a generated draft that breaks a rule now (it changed since the draft was generated). publishRound refuses the draft ' +
    'while any is listed (CONFLICT, reason DRAFT_BREAKS_HARD_RULES, the same list in extensions.violations)',
})
export class DraftProblem {
  @Field(() => ID)
  meetingId!: string;

  @Field({ description: 'The table’s label' })
  table!: string;

  @Field({
    description:
      'blocked (a block or a conflict of interest), already-met, no-common-language, or meeting-rule or same-company (the organisers’ rules the draft was generated with) — a hard rule between the two; no-consent, opted-out or not-present ' +
      '(attendeeA may no longer be matched); busy (attendeeA gives a talk or its office hours, or holds a granted slot, during the round); unavailable (attendeeA is outside their availability windows for the round); alone (attendeeA’s partner was deleted); ' +
      'request-withdrawn (seated together for a meeting request of attendeeA to attendeeB that was withdrawn or expired since)',
  })
  rule!: string;

  @Field(() => ID)
  attendeeA!: string;

  @Field(() => ID, { nullable: true, description: 'Null for alone' })
  attendeeB!: string | null;
}

@ObjectType({ description: 'Why two people were paired, as data' })
export class PairReason {
  @Field(() => ID)
  attendeeA!: string;

  @Field(() => ID)
  attendeeB!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => [String], { description: 'Interests both list, rarest first' })
  sharedInterests!: string[];

  @Field(() => [String], { description: 'What A looks for and B offers' })
  aSeeksBOffers!: string[];

  @Field(() => [String], { description: 'What B looks for and A offers' })
  bSeeksAOffers!: string[];

  @Field(() => [String])
  sharedStack!: string[];

  @Field(() => [String])
  commonLanguages!: string[];

  @Field({ description: 'mutual, a, b or none' })
  wish!: string;

  @Field(() => [String], { nullable: true, description: 'The two roles when their mix earned a bonus' })
  roleMix!: string[] | null;

  @Field()
  sameCompany!: boolean;

  @Field(() => [String], {
    description: "Key terms both people's bios use (free text), strongest first, as words of their own bios; empty unless both share their bio with the reader",
  })
  sharedTerms!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Seated together for an accepted meeting request: the one who asked (shown to the two of them and to organisers); null otherwise',
  })
  requestedBy!: string | null;
}

/** A table of a round and its time: what a round's meeting and a pairing report's row (reports/) both say of it. */
@ObjectType({ isAbstract: true })
export abstract class RoundTableSpan extends LocalTimeSpan {
  @Field(() => ID)
  roundId!: string;

  @Field(() => Int)
  tableNumber!: number;

  @Field()
  table!: string;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;
}

@ObjectType({ description: 'One table of a round: two people (or three), a time and why' })
export class Meeting extends RoundTableSpan {
  @Field(() => ID)
  id!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => [Attendee], { description: 'Everyone at the table, with the fields the viewer may see' })
  participants!: Attendee[];

  @Field(() => [PairReason])
  reasons!: PairReason[];

  @Field()
  sentence!: string;

  @Field()
  openingQuestion!: string;
}

@ObjectType()
export class Round extends ZonedLocalTimeSpan {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => [String], { description: 'Table labels handed out in order; more tables are numbered on' })
  tables!: string[];

  @Field(() => RoundStatus)
  status!: RoundStatus;

  @Field(() => OddPolicy)
  oddPolicy!: OddPolicy;

  @Field(() => Fairness)
  fairness!: Fairness;

  @Field(() => Int, { nullable: true, description: 'Topic tables of this many people (one fewer where the count forces it); null: pairs' })
  tableSize!: number | null;

  @Field(() => String, { nullable: true, description: 'The seed the draft was generated with' })
  seed!: string | null;

  @Field(() => GenerationProgress, { nullable: true })
  progress!: GenerationProgress | null;

  /** Resolved by round-review.resolver.ts: organisers of the event only (it names other attendees' scores). */
  stats!: RoundStats | null;

  /** Resolved by round-review.resolver.ts: organisers of the event only; attendees read `mySitOut`. */
  leftOut!: LeftOut[];

  /** The rules document the draft was generated with; resolved by round-review.resolver.ts as `matchingRules` (organisers only). */
  rules!: MatchingRulesDocument | null;

  @Field(() => Date, { nullable: true })
  generatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;
}

/** The round's own name for the same page info (kept: the schema published it). */
@ObjectType()
export class MeetingPageInfo extends PageInfo {}

@ObjectType({ description: 'The meetings of a round, by table' })
export class MeetingConnection extends Connection(Meeting, 'MeetingEdge', MeetingPageInfo) {}
