import { Field, ObjectType } from '@nestjs/graphql';
import { LOCAL_TIME_DOC } from '../../common/local-time';
import { LocalTimeSpan } from '../../common/local-time.model';

@ObjectType({ description: 'A span of time during which an attendee is at the event (windows that touched or overlapped are merged)' })
export class AvailabilityWindow extends LocalTimeSpan {}

@ObjectType({ description: 'When an attendee is at the event: no window means all the time' })
export class Availability {
  @Field({ description: 'True when the attendee set no window: available for every round and slot' })
  always!: boolean;

  @Field(() => [AvailabilityWindow], { description: 'In time order' })
  windows!: AvailabilityWindow[];

  @Field({ description: LOCAL_TIME_DOC.timeZone })
  timeZone!: string;
}
