import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { localDateTime } from '../common/local-time';
import { AvailabilityService, type AvailabilityOf } from './availability.service';
import { AvailabilityWindowInput } from './inputs/availability.inputs';
import { Availability } from './models/availability.model';

@Resolver(() => Availability)
export class AvailabilityResolver {
  constructor(private readonly availabilityService: AvailabilityService) {}

  @Query(() => Availability, { description: 'Attendees: when you said you are at the event (no window: all the time)' })
  async myAvailability(@CurrentActor() actor: Actor): Promise<Availability> {
    return toAvailabilityModel(await this.availabilityService.mine(actor));
  }

  @Query(() => Availability, { description: 'Organisers: when an attendee of their event is at the event' })
  async attendeeAvailability(@CurrentActor() actor: Actor, @Args('attendeeId', { type: () => ID }) attendeeId: string): Promise<Availability> {
    return toAvailabilityModel(await this.availabilityService.forAttendee(actor, attendeeId));
  }

  @Mutation(() => Availability, {
    description:
      'Attendees: say when you are at the event ("day 1 afternoon only"); replaces your windows, an empty list means all the time. Outside them you sit rounds out (UNAVAILABLE) and get no office-hour slot',
  })
  async setMyAvailability(@CurrentActor() actor: Actor, @Args('windows', { type: () => [AvailabilityWindowInput] }) windows: AvailabilityWindowInput[]): Promise<Availability> {
    return toAvailabilityModel(await this.availabilityService.setMine(actor, windows));
  }

  @Mutation(() => Availability, { description: 'Organisers: set when an attendee is at the event (as setMyAvailability)' })
  async setAttendeeAvailability(
    @CurrentActor() actor: Actor,
    @Args('attendeeId', { type: () => ID }) attendeeId: string,
    @Args('windows', { type: () => [AvailabilityWindowInput] }) windows: AvailabilityWindowInput[],
  ): Promise<Availability> {
    return toAvailabilityModel(await this.availabilityService.setFor(actor, attendeeId, windows));
  }
}

function toAvailabilityModel({ windows, timeZone }: AvailabilityOf): Availability {
  return {
    always: windows.length === 0,
    timeZone,
    windows: windows.map((w) => ({ startsAt: w.startsAt, startsAtLocal: localDateTime(w.startsAt, timeZone), endsAt: w.endsAt, endsAtLocal: localDateTime(w.endsAt, timeZone) })),
  };
}
