import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/paging';
import { OddPolicy } from '../../events/models/event.model';
import { Fairness } from '../models/round.model';

@InputType()
export class CreateRoundInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @Field({ description: 'When the conversations start (ISO date-time with offset)' })
  @Type(() => Date)
  @IsDate({ message: 'must be a date-time' })
  startsAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Minutes; default: the event’s default round length' })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(240)
  durationMinutes?: number;

  @Field(() => [String], { nullable: true, description: 'Table or location labels, handed out in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tables?: string[];

  @Field(() => OddPolicy, { nullable: true, description: 'Default: the event’s policy' })
  @IsOptional()
  @IsEnum(OddPolicy)
  oddPolicy?: OddPolicy;

  @Field(() => Fairness, { nullable: true, defaultValue: Fairness.NONE })
  @IsOptional()
  @IsEnum(Fairness)
  fairness?: Fairness;

  @Field(() => Int, {
    nullable: true,
    description: 'Topic tables: seat tables of this many people (3 to 8; one fewer where the count forces it) instead of pairs. Null or absent: pairs. Not with fairness MAXMIN',
  })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(8)
  tableSize?: number | null;
}

@InputType()
export class GenerateRoundInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a round id' })
  roundId!: string;

  @Field({ nullable: true, description: 'Seed for tie-breaks and wording; default: derived from the round id' })
  @IsOptional()
  @MaxLength(100)
  seed?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Replace an existing draft (status GENERATED)' })
  @IsOptional()
  regenerate?: boolean;
}

/** What every change of a draft's seating names: its round, and whether (and why) it overrides a hard rule. */
@InputType({ isAbstract: true })
abstract class SeatingChangeInput {
  @Field(() => ID)
  @IsUUID('all')
  roundId!: string;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  force?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string;
}

@InputType({ description: 'Exchange two attendees between their meetings' })
export class SwapAttendeesInput extends SeatingChangeInput {
  @Field(() => ID)
  @IsUUID('all')
  attendeeA!: string;

  @Field(() => ID)
  @IsUUID('all')
  attendeeB!: string;

  @Field({ nullable: true, defaultValue: false, description: 'Apply even when a hard rule says no (needs a reason; recorded)' })
  declare force?: boolean;
}

@InputType({ description: 'Move an attendee to another meeting of the round (making a trio), or to a new table with someone who sat out' })
export class MoveAttendeeInput extends SeatingChangeInput {
  @Field(() => ID)
  @IsUUID('all')
  attendeeId!: string;

  @Field(() => ID, { description: 'The meeting to join' })
  @IsUUID('all')
  toMeetingId!: string;
}

/** A round's meetings, by table. */
@ArgsType()
export class RoundMeetingsArgs extends PageArgs({ first: 100, max: 500 }) {
  @Field({ nullable: true, description: 'Only the tables whose label, or one of whose people’s name, email or company, contains this (whatever its case), across the whole round' })
  @IsOptional()
  @IsString()
  search?: string;
}
