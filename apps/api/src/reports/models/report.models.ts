import { LOCAL_TIME_DOC } from '../../common/local-time';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/connection.model';
import { RoundStatus, RoundTableSpan } from '../../rounds/models/round.model';

@ObjectType({ description: 'A participant of a reported meeting: their id, and only the fields they chose to share (null otherwise)' })
export class ReportParticipant {
  @Field(() => ID, { description: 'Tells apart two people of the same name (or with no name shared)' })
  attendeeId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Only when the participant shares it' })
  email!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field({ description: 'Marked as not having come' })
  noShow!: boolean;
}

@ObjectType({ description: 'What the participants said about a meeting (private notes are not reported)' })
export class ReportFeedback {
  @Field(() => Int)
  responses!: number;

  @Field(() => Int, { description: 'Participants who said the meeting took place' })
  met!: number;

  @Field(() => Float, { nullable: true, description: 'Mean rating, 1 to 5' })
  meanRating!: number | null;

  @Field(() => Int, { nullable: true, description: 'Participants who would meet again; null when nobody answered that question' })
  wouldMeetAgain!: number | null;
}

@ObjectType({ description: 'One meeting of a pairing report' })
export class PairingReportRow extends RoundTableSpan {
  @Field(() => ID)
  meetingId!: string;

  @Field()
  roundName!: string;

  @Field(() => Float, { description: 'The table’s score (the sum over its pairs), as in `round { meetings }`' })
  score!: number;

  @Field(() => [ReportParticipant])
  participants!: ReportParticipant[];

  @Field(() => [String], { description: 'Up to three reasons, from fields both people concerned share' })
  topReasons!: string[];

  @Field(() => ReportFeedback)
  feedback!: ReportFeedback;
}

@ObjectType({ description: 'A page of a pairing report, in round then table order' })
export class PairingReportConnection extends Connection(PairingReportRow, 'PairingReportEdge') {
  @Field(() => Int, { description: 'Meetings in the whole report' })
  totalCount!: number;
}

@ObjectType({ description: 'Pairs whose score falls in [from, to) (the last bucket includes `to`)' })
export class ScoreBucket {
  @Field(() => Float)
  from!: number;

  @Field(() => Float)
  to!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'The scores of one round: pair scores (a trio holds three pairs) of meetings not cancelled' })
export class RoundScoreStats {
  @Field(() => ID)
  roundId!: string;

  @Field()
  name!: string;

  @Field(() => RoundStatus)
  status!: RoundStatus;

  @Field()
  startsAt!: Date;

  @Field({ description: LOCAL_TIME_DOC.startsAt })
  startsAtLocal!: string;

  @Field(() => Int, { description: 'Meetings not cancelled' })
  meetings!: number;

  @Field(() => Int)
  pairs!: number;

  @Field(() => Float, { nullable: true })
  meanScore!: number | null;

  @Field(() => Float, { nullable: true })
  minScore!: number | null;

  @Field(() => Float, { nullable: true })
  maxScore!: number | null;

  @Field(() => [ScoreBucket], { description: 'Ten equal buckets, the same for every round of the event' })
  distribution!: ScoreBucket[];
}

@ObjectType({ description: 'What the networking of an event produced (published rounds only)' })
export class EventStats {
  @Field(() => Int)
  attendeesRegistered!: number;

  @Field(() => Int)
  attendeesPresent!: number;

  @Field(() => Int, { description: 'Attendees at one meeting or more that was not cancelled' })
  attendeesMatched!: number;

  @Field(() => Int, { description: 'Meetings not cancelled: held, no-show, or still to happen' })
  meetingsScheduled!: number;

  @Field(() => Int)
  meetingsHeld!: number;

  @Field(() => Int)
  meetingsNoShow!: number;

  @Field(() => Int)
  meetingsCancelled!: number;

  @Field(() => [RoundScoreStats])
  rounds!: RoundScoreStats[];

  @Field(() => Float, { nullable: true, description: 'Share of meetings between different companies (among those where every company is known)' })
  crossCompanyShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of meetings between different roles (among those where every role is known)' })
  crossRoleShare!: number | null;

  @Field(() => Int, { description: 'Pairs of people who actually met more than once: must be 0' })
  repeatPairs!: number;

  @Field(() => Int)
  feedbackResponses!: number;

  @Field(() => Float, { nullable: true })
  feedbackMeanRating!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of “would meet again” among the answers to that question' })
  wouldMeetAgainShare!: number | null;

  @Field(() => Int)
  speakerSlotsRequested!: number;

  @Field(() => Int, { description: 'Requests holding a slot of published office hours' })
  speakerSlotsGranted!: number;
}
