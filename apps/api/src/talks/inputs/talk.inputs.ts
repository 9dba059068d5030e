import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class CreateTalkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @Field(() => ID, { description: 'The speaker, an attendee of the event' })
  @IsUUID('all', { message: 'must be an attendee id' })
  speakerId!: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be a date-time' })
  startsAt!: Date;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(5)
  @Max(240)
  durationMinutes!: number;

  @Field(() => [String], { nullable: true, description: 'Topics, normalised through the event vocabulary' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  tags?: string[];

  @Field(() => Int, { defaultValue: 4, description: 'Office-hour slots the speaker offers right after the talk' })
  @IsInt()
  @Min(0)
  @Max(100)
  slotCount!: number;

  @Field(() => Int, { defaultValue: 5 })
  @IsInt()
  @Min(3)
  @Max(60)
  slotMinutes!: number;

  @Field({ nullable: true, description: 'Where the office hours happen' })
  @IsOptional()
  @MaxLength(120)
  location?: string;
}

@InputType()
export class RequestSlotInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a talk id' })
  talkId!: string;

  @Field({ description: 'One line: what you would like to ask the speaker' })
  @IsNotEmpty()
  @MaxLength(280)
  question!: string;
}
