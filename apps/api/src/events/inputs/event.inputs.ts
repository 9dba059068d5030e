import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '../../common/validation';
import { MailLanguageValue } from '../../mail/models/mail.models';
import { OddPolicy } from '../models/event.model';

const CLOCK_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

@InputType({ description: 'Where and when accepted meeting requests get a slot of their own (see Event.meetingRequestSlots)' })
export class MeetingRequestSlotsInput {
  @Field(() => Int, { description: 'A slot’s length in minutes (5 to 120); slots start every this many minutes from dayStartsAt' })
  @IsInt()
  @Min(5)
  @Max(120)
  minutes!: number;

  @Field(() => Int, { description: 'Tables set aside for requests (1 to 500), labelled R1…Rn; rounds never seat anyone at them' })
  @IsInt()
  @Min(1)
  @Max(500)
  tables!: number;

  @Field({ description: 'HH:MM on the event’s clock: the first slot of each day of the event starts then' })
  @Matches(CLOCK_TIME, { message: 'must be a time HH:MM' })
  dayStartsAt!: string;

  @Field({ description: 'HH:MM on the event’s clock (24:00: midnight): every slot ends by then; at least one slot must fit after dayStartsAt' })
  @Matches(CLOCK_TIME, { message: 'must be a time HH:MM' })
  dayEndsAt!: string;
}

@InputType()
export class TagInput {
  @Field({ nullable: true, description: 'Canonical slug; derived from the label when omitted' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case words joined by dashes' })
  @MaxLength(60)
  slug?: string;

  @Field()
  @IsNotBlank()
  @MaxLength(80)
  label!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  synonyms?: string[];
}

@InputType()
export class CreateEventInput {
  @Field({ description: 'URL-friendly identifier, e.g. `ai-builders-2026`' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case letters, digits and dashes' })
  @MaxLength(64)
  slug!: string;

  @Field()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  // No GraphQL default: UpdateEventInput inherits this field, and a default there would reset the zone on every update.
  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Paris (UTC when an event is created without one)' })
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Paris' })
  timeZone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  venue?: string;

  @Field(() => OddPolicy, { nullable: true })
  @IsOptional()
  @IsEnum(OddPolicy)
  oddPolicy?: OddPolicy;

  @Field(() => MailLanguageValue, { nullable: true, description: 'The language of every message to attendees; null: each attendee’s own (English or French)' })
  @IsOptional()
  @IsEnum(MailLanguageValue)
  language?: MailLanguageValue | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(120)
  defaultRoundMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'Meeting requests an attendee may send per day of the event (its time zone), 0 to 100; 0 turns requests off. Default 10' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  meetingRequestsPerDay?: number;

  @Field(() => MeetingRequestSlotsInput, {
    nullable: true,
    description:
      'Give accepted meeting requests a slot of their own (a table set aside for requests, at the first time both are free within these hours of the event’s days) ' +
      'instead of a must-meet pair of the next round; null turns it off (the default: the next round seats them)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingRequestSlotsInput)
  meetingRequestSlots?: MeetingRequestSlotsInput | null;

  @Field(() => Int, { nullable: true, description: 'Days after the event ends before its attendees are anonymised (GDPR retention)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  retentionDays?: number;

  @Field(() => [TagInput], { nullable: true, description: 'The tag vocabulary (replaces the whole vocabulary when given)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TagInput)
  vocabulary?: TagInput[];
}

@InputType()
export class UpdateEventInput extends PartialType(CreateEventInput) {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  id!: string;
}
