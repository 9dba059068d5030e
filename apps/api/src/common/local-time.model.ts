import { Field, ObjectType } from '@nestjs/graphql';
import { LOCAL_TIME_DOC } from './local-time';

/**
 * A span of an event's schedule, each end in UTC and on the event's clock (local-time.ts): the
 * four fields every timed thing of an event carries (meetings, rounds, talks, slots, schedule
 * entries, availability windows), declared once.
 */
@ObjectType({ isAbstract: true })
export abstract class LocalTimeSpan {
  @Field()
  startsAt!: Date;

  @Field({ description: LOCAL_TIME_DOC.startsAt })
  startsAtLocal!: string;

  @Field()
  endsAt!: Date;

  @Field({ description: LOCAL_TIME_DOC.endsAt })
  endsAtLocal!: string;
}

/** A span that also names the event's time zone, for answers read without their event. */
@ObjectType({ isAbstract: true })
export abstract class ZonedLocalTimeSpan extends LocalTimeSpan {
  @Field({ description: LOCAL_TIME_DOC.timeZone })
  timeZone!: string;
}
