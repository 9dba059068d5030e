import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate } from 'class-validator';

@InputType({ description: 'A span of time during which the attendee is at the event; the end excluded' })
export class AvailabilityWindowInput {
  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be a date-time' })
  startsAt!: Date;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be a date-time' })
  endsAt!: Date;
}
