import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/validation';

/** Which talks an organiser allocates or publishes at once: an event's, or those of one of its days. */
@ArgsType()
export class ProgrammeArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => String, { nullable: true, description: 'A day on the event’s clock (YYYY-MM-DD): only the talks starting that day. All days when omitted.' })
  @IsOptional()
  @IsCalendarDate()
  day?: string;
}
