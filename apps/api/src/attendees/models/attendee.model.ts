import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Connection } from '../../common/connection.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SHAREABLE_FIELDS } from '../attendee.entity';

export const ProfileField = defineEnum(
  ['name', 'email', 'company', 'role', 'seniority', 'stack', 'interests', 'lookingFor', 'canOffer', 'languages', 'bio', 'links'],
  { name: 'ProfileField', description: 'A profile field an attendee may share with others' },
);
export type ProfileField = EnumValue<typeof ProfileField>;
// The enum and the entity's list must stay the same set.
SHAREABLE_FIELDS satisfies readonly `${ProfileField}`[];

@ObjectType({
  description:
    'An attendee profile. Staff and the attendee themself see every field; other attendees see only the fields ' +
    'this attendee chose to share (others are null).',
})
export class Attendee {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  seniority!: string | null;

  @Field(() => String, { nullable: true, description: 'The kind of ticket (staff and the attendee only; set by organisers and imports)' })
  ticketType!: string | null;

  @Field(() => [String], { nullable: true })
  stack!: string[] | null;

  @Field(() => [String], { nullable: true })
  interests!: string[] | null;

  @Field(() => [String], { nullable: true })
  lookingFor!: string[] | null;

  @Field(() => [String], { nullable: true })
  canOffer!: string[] | null;

  @Field(() => [String], { nullable: true })
  languages!: string[] | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field(() => [String], { nullable: true })
  links!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Consented to matchmaking (staff and self only)' })
  consentMatchmaking!: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When consent was given (staff and self only)' })
  consentAt!: Date | null;

  @Field(() => [ProfileField], { nullable: true, description: 'What matched partners may see (staff and self only)' })
  sharedFields!: ProfileField[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Checked in at the venue (staff and self only)' })
  present!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Unsubscribed from the event’s emails (staff and self only); the attendee changes it with setMailOptOut',
  })
  mailOptOut!: boolean | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

@ObjectType({ description: 'A written attendee, with the tags that are not in the event vocabulary' })
export class AttendeePayload {
  @Field(() => Attendee)
  attendee!: Attendee;

  @Field(() => [String], {
    description: 'Tags kept as written because the vocabulary does not know them; languages appear as `language:<code>`',
  })
  unknownTags!: string[];
}

@ObjectType({ description: 'A page of attendees, ordered by name' })
export class AttendeeConnection extends Connection(Attendee, 'AttendeeEdge') {
  @Field(() => Int, { description: 'How many attendees match the filter in all' })
  totalCount!: number;
}
