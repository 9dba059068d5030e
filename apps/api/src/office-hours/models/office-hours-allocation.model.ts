import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Talk } from '../../talks/models/talk.model';

@ObjectType({ description: 'Office hours of several talks allocated at once, as drafts to review (each talk’s `requests`) and publish' })
export class OfficeHoursAllocation {
  @Field(() => [Talk], { description: 'The talks allocated, in time order (published ones are left as they are)' })
  talks!: Talk[];

  @Field(() => Int, { description: 'People who asked for at least one of these talks' })
  askers!: number;

  @Field(() => Int, { description: 'Askers holding at least one slot now (at these talks or at others)' })
  served!: number;

  @Field(() => Int)
  slotsOffered!: number;

  @Field(() => Int)
  slotsGranted!: number;
}
