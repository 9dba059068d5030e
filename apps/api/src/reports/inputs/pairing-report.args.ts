import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/paging';

/** A pairing report: the whole event (published rounds) or one round, a page at a time. */
@ArgsType()
export class PairingReportArgs extends PageArgs({ first: 50, max: 500 }) {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a round id' })
  roundId?: string;
}
