import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { ZonedLocalTimeSpan } from '../../common/local-time.model';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Attendee } from '../../attendees/models/attendee.model';
import { MeetingStatus, PairReason } from './round.model';

export const MeetingKind = defineEnum(['ROUND', 'OFFICE_HOURS', 'MEETING_REQUEST'], {
  name: 'MeetingKind',
  description: 'A round’s table, a speaker’s office-hour slot after a talk, or an accepted meeting request’s slot of its own (events whose organisers give them: Event.meetingRequestSlots)',
});
export type MeetingKind = EnumValue<typeof MeetingKind>;

export const MeetingsWhen = defineEnum(['UPCOMING', 'PAST', 'ALL'], { name: 'MeetingsWhen', description: 'UPCOMING: not ended yet; PAST: ended' });
export type MeetingsWhen = EnumValue<typeof MeetingsWhen>;

@ObjectType({ description: 'One participant’s word on a meeting' })
export class Feedback {
  @Field(() => ID)
  attendeeId!: string;

  @Field()
  met!: boolean;

  @Field(() => Int, { nullable: true })
  rating!: number | null;

  @Field(() => Boolean, { nullable: true })
  wouldMeetAgain!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Private: the author and organisers only' })
  note!: string | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'A meeting as one of its attendees sees it' })
export class MyMeeting extends ZonedLocalTimeSpan {
  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => ID, { nullable: true, description: 'The round (round tables)' })
  roundId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The talk (office hours)' })
  talkId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting request (MEETING_REQUEST: its slot of its own; see myMeetingRequests)' })
  meetingRequestId!: string | null;

  @Field({ description: 'The round’s name, or “Office hours · <talk title>”' })
  roundName!: string;

  @Field()
  table!: string;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => [Attendee], { description: 'The people you meet, with the fields each chose to share' })
  partners!: Attendee[];

  @Field(() => [PairReason], { description: 'Why you were matched (your pairs at this table)' })
  reasons!: PairReason[];

  @Field()
  sentence!: string;

  @Field()
  openingQuestion!: string;

  @Field(() => Feedback, { nullable: true, description: 'What you said about it' })
  myFeedback!: Feedback | null;
}

@InputType()
export class FeedbackInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a meeting id' })
  meetingId!: string;

  @Field({ description: 'Did the conversation happen?' })
  @IsBoolean()
  met!: boolean;

  @Field(() => Int, { nullable: true, description: '1 to 5' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  wouldMeetAgain?: boolean;

  @Field({ nullable: true, description: 'Private to organisers' })
  @IsOptional()
  @MaxLength(1000)
  note?: string;
}
