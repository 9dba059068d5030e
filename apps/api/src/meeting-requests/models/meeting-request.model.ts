import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/connection.model';
import { LocalTimeSpan } from '../../common/local-time.model';

export const MeetingRequestStatus = defineEnum(['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'FULFILLED', 'EXPIRED'], {
  name: 'MeetingRequestStatus',
  description:
    'PENDING (waiting for an answer), ACCEPTED (waiting for a round that seats both), DECLINED, CANCELLED (withdrawn), ' +
    'FULFILLED (a published round seated the two together), EXPIRED (the event’s last day ended before it was answered or fulfilled)',
});
export type MeetingRequestStatus = EnumValue<typeof MeetingRequestStatus>;

export const MeetingRequestDirection = defineEnum(
  ['SENT', 'RECEIVED'],
  { name: 'MeetingRequestDirection', description: 'SENT: you asked; RECEIVED: you were asked' },
);
export type MeetingRequestDirection = EnumValue<typeof MeetingRequestDirection>;

export const MeetingRequestNotSeatedReason = defineEnum(
  ['NOT_IN_ROUND', 'BUSY', 'BLOCKED', 'ALREADY_MET', 'NO_COMMON_LANGUAGE', 'MEETING_RULE', 'SAME_COMPANY', 'CONFLICT', 'NO_COMPATIBLE_TABLE', 'SEPARATED'],
  {
    name: 'MeetingRequestNotSeatedReason',
    description:
      'Why a round does not seat an accepted request: NOT_IN_ROUND (one of the two is absent, not consenting or opted out), BUSY (a talk, office hours, or outside their availability), ' +
      'BLOCKED, ALREADY_MET, NO_COMMON_LANGUAGE, MEETING_RULE (the organisers’ who-can-meet-whom rules), SAME_COMPANY (when the rules forbid it) — a hard rule; ' +
      'CONFLICT (one of them is in an earlier accepted request seated this round: this one waits), ' +
      'NO_COMPATIBLE_TABLE (a topic-table round: no table could seat the two together under the hard rules), ' +
      'SEPARATED (seated together by the generation, then moved apart by an organiser’s swap or move)',
  },
);
export type MeetingRequestNotSeatedReason = EnumValue<typeof MeetingRequestNotSeatedReason>;

export const MeetingRequestSlotOutcome = defineEnum(['NO_COMMON_FREE_TIME'], {
  name: 'MeetingRequestSlotOutcome',
  description:
    'Why an accepted request got no slot of its own at an event that gives them: NO_COMMON_FREE_TIME (no slot of the event’s request hours, from now to its last day, ' +
    'finds both people free and a request table free); it stays ACCEPTED and the next round where both are present seats them (a must-meet pair)',
});
export type MeetingRequestSlotOutcome = EnumValue<typeof MeetingRequestSlotOutcome>;

@ObjectType({ description: 'An accepted request’s slot of its own: when, and at which of the tables set aside for requests' })
export class MeetingRequestSlot extends LocalTimeSpan {
  @Field({ description: 'R1…Rn: the tables set aside for requests' })
  table!: string;
}

@ObjectType({
  description:
    'A request to meet: who asked whom, with what message, and what became of it. The two people are shown as each shares ' +
    'their profile with the reader (null when they share nothing with them); organisers see both in full but not the message.',
})
export class MeetingRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => MeetingRequestStatus)
  status!: MeetingRequestStatus;

  @Field(() => MeetingRequestDirection, { nullable: true, description: 'For the two attendees concerned: whether you sent or received it; null for organisers' })
  direction!: MeetingRequestDirection | null;

  @Field(() => String, { nullable: true, description: 'The requester’s words to the recipient (up to 280 characters); only the two of them read it' })
  message!: string | null;

  @Field()
  createdAt!: Date;

  @Field({ description: 'When an unanswered or unseated request expires: the end of the event’s last day (its time zone), fixed when asked' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or declined' })
  respondedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'FULFILLED: the meeting of the published round that seated the two together' })
  meetingId!: string | null;

  @Field(() => ID, { nullable: true, description: 'FULFILLED: that meeting’s round' })
  roundId!: string | null;

  @Field(() => MeetingRequestSlot, {
    nullable: true,
    description: 'ACCEPTED at an event that gives requests a slot of their own (Event.meetingRequestSlots): the two people’s slot (also in their myMeetings, mySchedule and calendar)',
  })
  slot!: MeetingRequestSlot | null;

  @Field(() => MeetingRequestSlotOutcome, { nullable: true, description: 'Why such a request has no slot (it waits for the next round); null otherwise' })
  slotOutcome!: MeetingRequestSlotOutcome | null;

  /** Resolved by MeetingRequestPeopleResolver, as the reader may see them. */
  requesterId!: string;
  recipientId!: string;
}

@ObjectType()
export class MeetingRequestConnection extends Connection(MeetingRequest, 'MeetingRequestEdge') {}

@ObjectType({ description: 'Organisers: one accepted request a round’s generation was given, and whether the round seats the two together' })
export class RoundMeetingRequest {
  @Field(() => MeetingRequest)
  request!: MeetingRequest;

  @Field({ description: 'The two sit at one table of the round now' })
  seated!: boolean;

  @Field(() => MeetingRequestNotSeatedReason, { nullable: true, description: 'Why not, when not seated' })
  reason!: MeetingRequestNotSeatedReason | null;
}
