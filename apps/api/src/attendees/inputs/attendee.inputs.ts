import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/paging';
import { IsNotBlank } from '../../common/validation';
import { MAX_SEARCH_LENGTH } from '../attendee-search';
import { ProfileField } from '../models/attendee.model';

const MAX_TAGS = 30;

/** An optional list of short strings: its GraphQL field and its validation, declared once. */
function StringList(limits: { maxItems: number; maxLength: number; description?: string }): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { nullable: true, ...(limits.description === undefined ? {} : { description: limits.description }) }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(limits.maxItems),
    IsString({ each: true }),
    MaxLength(limits.maxLength, { each: true }),
  );
}

/** A profile's tags (stack, interests, what they look for or offer), normalised through the event's vocabulary. */
const TagList = () => StringList({ maxItems: MAX_TAGS, maxLength: 80 });

/** The profile an attendee fills in (also what organisers and imports write). */
@InputType({ isAbstract: true })
export class ProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  company?: string;

  @Field({ nullable: true, description: 'e.g. engineer, researcher, founder, investor, product' })
  @IsOptional()
  @MaxLength(80)
  role?: string;

  @Field({ nullable: true, description: 'e.g. junior, mid, senior, lead, executive' })
  @IsOptional()
  @MaxLength(80)
  seniority?: string;

  @TagList()
  stack?: string[];

  @TagList()
  interests?: string[];

  @TagList()
  lookingFor?: string[];

  @TagList()
  canOffer?: string[];

  @StringList({ maxItems: 12, maxLength: 40, description: 'Names or ISO codes: "English", "fr"' })
  languages?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(1000)
  bio?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true, message: 'each link must be an http(s) URL' })
  links?: string[];

  @Field({ nullable: true, description: 'Consent to being matched (recorded with time and notice version)' })
  @IsOptional()
  @IsBoolean()
  consentMatchmaking?: boolean;

  @Field({ nullable: true, description: 'Version of the privacy notice the consent refers to' })
  @IsOptional()
  @MaxLength(40)
  consentNoticeVersion?: string;

  @Field(() => [ProfileField], { nullable: true, description: 'What matched partners may see' })
  @IsOptional()
  @IsArray()
  @IsEnum(ProfileField, { each: true })
  sharedFields?: ProfileField[];
}

@InputType()
export class CreateAttendeeInput extends ProfileInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsNotBlank()
  @MaxLength(200)
  declare name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  present?: boolean;

  @Field(() => String, { nullable: true, description: 'Organisers: the kind of ticket (e.g. student, investor); who-can-meet rules may name it. Attendees cannot change theirs' })
  @IsOptional()
  @MaxLength(80)
  ticketType?: string | null;
}

@InputType()
export class UpdateAttendeeInput extends PartialType(OmitType(CreateAttendeeInput, ['eventId'] as const)) {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an attendee id' })
  id!: string;
}

@InputType({ description: 'An attendee editing their own profile' })
export class UpdateMyProfileInput extends ProfileInput {}

@InputType()
export class AttendeeFilter {
  @Field({ nullable: true, description: 'Has this interest (normalised through the vocabulary)' })
  @IsOptional()
  @MaxLength(80)
  interest?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(80)
  role?: string;

  @Field({ nullable: true, description: 'Has this stack tag' })
  @IsOptional()
  @MaxLength(80)
  stack?: string;

  @Field({ nullable: true, description: 'Speaks this language (name or ISO code)' })
  @IsOptional()
  @MaxLength(40)
  language?: string;

  @Field({ nullable: true, description: 'Checked in (staff only)' })
  @IsOptional()
  @IsBoolean()
  present?: boolean;

  @Field({ nullable: true, description: 'Consented to matchmaking (staff only)' })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;

  @Field({ nullable: true, description: 'Staff only: part of the name, email or company, whatever its case' })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string;
}

@ArgsType()
export class AttendeesArgs extends PageArgs({ first: 20, max: 100 }) {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => AttendeeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeeFilter)
  filter?: AttendeeFilter;
}
