import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MailLanguageValue } from '../../mail/models/mail.models';

export const OddPolicy = defineEnum(['TRIO', 'BYE'], {
  name: 'OddPolicy',
  description: 'With an odd number of people: one trio, or one person sits out (never the same one twice in a row)',
});
export type OddPolicy = EnumValue<typeof OddPolicy>;

@ObjectType({ description: 'Where and when accepted meeting requests get a slot of their own: tables R1…Rn, slots of `minutes` from dayStartsAt to dayEndsAt of each day of the event, on its clock' })
export class MeetingRequestSlots {
  @Field(() => Int)
  minutes!: number;

  @Field(() => Int)
  tables!: number;

  @Field()
  dayStartsAt!: string;

  @Field()
  dayEndsAt!: string;
}

@ObjectType({ description: 'One entry of the tag vocabulary' })
export class Tag {
  @Field({ description: 'Canonical slug stored on profiles, e.g. `rag`' })
  slug!: string;

  @Field()
  label!: string;

  @Field(() => [String], { description: 'Other spellings that normalise to this slug' })
  synonyms!: string[];
}

@ObjectType()
export class Event {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris' })
  timeZone!: string;

  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD' })
  startsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD' })
  endsOn!: string | null;

  @Field(() => String, { nullable: true })
  venue!: string | null;

  @Field(() => OddPolicy)
  oddPolicy!: OddPolicy;

  @Field(() => Int, { description: 'Length of a round when a round does not say' })
  defaultRoundMinutes!: number;

  @Field(() => Int, { description: 'Meeting requests an attendee may send per day of the event (its time zone); 0: attendees cannot ask to meet anyone. Default 10' })
  meetingRequestsPerDay!: number;

  @Field(() => MeetingRequestSlots, {
    nullable: true,
    description: 'When set, an accepted meeting request gets a slot of its own (MeetingRequest.slot) at the first time both are free; null: it waits for the next round (a must-meet pair)',
  })
  meetingRequestSlots!: MeetingRequestSlots | null;

  @Field(() => MailLanguageValue, { nullable: true, description: 'The language of messages to attendees; null: each attendee’s own' })
  language!: MailLanguageValue | null;

  @Field(() => Int, { nullable: true, description: 'Days after the event ends before attendees are anonymised' })
  retentionDays!: number | null;

  @Field()
  createdAt!: Date;
}
