import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LOCAL_TIME_DOC } from '../../common/local-time';

/**
 * A round of the attendee's event that is not published yet, as the attendee may know it: when it
 * is and whether they sit it out — nothing of the draft (tables, partners, who else sits out).
 */
@ObjectType({ description: 'A round still to be published, and whether you sit it out' })
export class UpcomingRound {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  startsAt!: Date;

  @Field({ description: LOCAL_TIME_DOC.startsAt })
  startsAtLocal!: string;

  @Field()
  endsAt!: Date;

  @Field({ description: LOCAL_TIME_DOC.endsAt })
  endsAtLocal!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field({ description: LOCAL_TIME_DOC.timeZone })
  timeZone!: string;

  @Field({ description: 'You chose to sit this round out (optOutOfRound)' })
  optedOut!: boolean;
}
