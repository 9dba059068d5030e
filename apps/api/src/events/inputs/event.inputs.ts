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
