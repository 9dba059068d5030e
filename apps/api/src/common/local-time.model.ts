import { Field, ObjectType } from '@nestjs/graphql';
import { LOCAL_TIME_DOC } from './local-time';

/**
 * The GraphQL fields of a LocalTimeSpan, on the class it decorates. LocalTimeSpan's subclasses inherit
 * them; an @InterfaceType inherits fields from interfaces only, so ScheduleEntry, which extends
 * LocalTimeSpan for its properties, declares them with this too.
 */
export function LocalTimeFields(): ClassDecorator {
  return ({ prototype }) => {
    Field(() => Date)(prototype, 'startsAt');
    Field(() => String, { description: LOCAL_TIME_DOC.startsAt })(prototype, 'startsAtLocal');
    Field(() => Date)(prototype, 'endsAt');
    Field(() => String, { description: LOCAL_TIME_DOC.endsAt })(prototype, 'endsAtLocal');
  };
}

/**
 * A span of an event's schedule, each end in UTC and on the event's clock (local-time.ts): the
 * four fields every timed thing of an event carries (meetings, rounds, talks, slots, schedule
 * entries, availability windows), declared once.
 */
@ObjectType({ isAbstract: true })
@LocalTimeFields()
export abstract class LocalTimeSpan {
  startsAt!: Date;
  startsAtLocal!: string;
  endsAt!: Date;
  endsAtLocal!: string;
}

/** A span that also names the event's time zone, for answers read without their event. */
@ObjectType({ isAbstract: true })
export abstract class ZonedLocalTimeSpan extends LocalTimeSpan {
  @Field({ description: LOCAL_TIME_DOC.timeZone })
  timeZone!: string;
}
