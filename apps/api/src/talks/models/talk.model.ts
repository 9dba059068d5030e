import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { ZonedLocalTimeSpan } from '../../common/local-time.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Attendee } from '../../attendees/models/attendee.model';

export const SlotAllocationStatus = defineEnum(['OPEN', 'ALLOCATED', 'PUBLISHED'], {
  name: 'SlotAllocationStatus',
  description: 'OPEN (taking requests) → ALLOCATED (draft, organisers review) → PUBLISHED (in myMeetings and calendars)',
});
export type SlotAllocationStatus = EnumValue<typeof SlotAllocationStatus>;

export const SlotRequestStatus = defineEnum(['PENDING', 'GRANTED', 'STANDBY'], { name: 'SlotRequestStatus' });
export type SlotRequestStatus = EnumValue<typeof SlotRequestStatus>;

@ObjectType({ description: 'A request for a 1:1 with a speaker, and its outcome' })
export class SlotRequest {
  @Field(() => ID)
  talkId!: string;

  @Field(() => Attendee, { description: 'Who asked (staff and the asker only)' })
  attendee!: Attendee;

  @Field()
  question!: string;

  @Field(() => SlotRequestStatus)
  status!: SlotRequestStatus;

  @Field(() => Date, { nullable: true })
  slotStartsAt!: Date | null;

  @Field(() => String, { nullable: true, description: '`slotStartsAt` on the event’s clock, e.g. 2026-12-03T14:20:00+01:00' })
  slotStartsAtLocal!: string | null;

  @Field(() => Date, { nullable: true })
  slotEndsAt!: Date | null;

  @Field(() => String, { nullable: true, description: '`slotEndsAt` on the event’s clock' })
  slotEndsAtLocal!: string | null;

  @Field(() => Int, { nullable: true, description: 'Place on the standby list' })
  standbyRank!: number | null;
}

@ObjectType()
export class Talk extends ZonedLocalTimeSpan {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  title!: string;

  @Field(() => Attendee)
  speaker!: Attendee;

  @Field(() => [String])
  tags!: string[];

  @Field(() => Int)
  slotCount!: number;

  @Field(() => Int)
  slotMinutes!: number;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'The room of the talk itself, as the agenda names it (importAgenda)' })
  room!: string | null;

  @Field(() => SlotAllocationStatus)
  allocationStatus!: SlotAllocationStatus;

  @Field(() => Int, { description: 'How many people asked' })
  requestCount!: number;
}
