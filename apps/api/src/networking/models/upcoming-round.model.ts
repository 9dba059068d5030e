import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ZonedLocalTimeSpan } from '../../common/local-time.model';

/**
 * A round of the attendee's event that is not published yet, as the attendee may know it: when it
 * is and whether they sit it out — nothing of the draft (tables, partners, who else sits out).
 */
@ObjectType({ description: 'A round still to be published, and whether you sit it out' })
export class UpcomingRound extends ZonedLocalTimeSpan {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field({ description: 'You chose to sit this round out (optOutOfRound)' })
  optedOut!: boolean;
}
