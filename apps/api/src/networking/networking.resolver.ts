import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { toAttendeeModel, visibilityFor } from '../attendees/attendee-view';
import { Attendee } from '../attendees/models/attendee.model';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { AttendeeEntity } from '../attendees/attendee.entity';
import { UpcomingRound } from './models/upcoming-round.model';
import { NetworkingService } from './networking.service';
import { toUpcomingRoundModel } from './upcoming-rounds';

@Resolver()
export class NetworkingResolver {
  constructor(private readonly networkingService: NetworkingService) {}

  @Mutation(() => Attendee, { description: 'Attendees: check in at the venue (or out); only present people are matched' })
  async setMyPresence(@CurrentActor() actor: Actor, @Args('present') present: boolean): Promise<Attendee> {
    return toAttendeeModel(await this.networkingService.setMyPresence(actor, present), 'full');
  }

  @Mutation(() => Boolean, { description: 'Attendees: sit out one round (optOut: false to rejoin), before it is published' })
  optOutOfRound(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('optOut', { defaultValue: true }) optOut: boolean,
  ): Promise<boolean> {
    return this.networkingService.setRoundOptOut(actor, roundId, optOut);
  }

  @Query(() => [UpcomingRound], { description: 'Attendees: the rounds of your event not yet published (nor ended), in time order, with whether you sit each out' })
  async myUpcomingRounds(@CurrentActor() actor: Actor): Promise<UpcomingRound[]> {
    return (await this.networkingService.myUpcomingRounds(actor)).map(toUpcomingRoundModel);
  }

  @Mutation(() => Boolean, { description: 'Attendees: wish to meet someone (wish: false to withdraw); mutual wishes score high' })
  wishToMeet(
    @CurrentActor() actor: Actor,
    @Args('attendeeId', { type: () => ID }) attendeeId: string,
    @Args('wish', { defaultValue: true }) wish: boolean,
  ): Promise<boolean> {
    return this.networkingService.setWish(actor, attendeeId, wish);
  }

  @Mutation(() => Boolean, { description: 'Attendees: never be paired with someone (private; block: false to lift)' })
  blockAttendee(
    @CurrentActor() actor: Actor,
    @Args('attendeeId', { type: () => ID }) attendeeId: string,
    @Args('block', { defaultValue: true }) block: boolean,
  ): Promise<boolean> {
    return this.networkingService.setBlock(actor, attendeeId, block);
  }

  @Query(() => [Attendee], { description: 'Attendees: the people you wish to meet' })
  async myWishes(@CurrentActor() actor: Actor): Promise<Attendee[]> {
    return visible(actor, await this.networkingService.myWishes(actor));
  }

  @Query(() => [Attendee], { description: 'Attendees: the people you blocked (only you see this)' })
  async myBlocks(@CurrentActor() actor: Actor): Promise<Attendee[]> {
    return visible(actor, await this.networkingService.myBlocks(actor));
  }
}

/** Other attendees as the viewer may see them; someone who withdrew consent shows only as an id. */
function visible(actor: Actor, attendees: AttendeeEntity[]): Attendee[] {
  return attendees.map((attendee) => {
    const visibility = visibilityFor(actor, attendee);
    return toAttendeeModel(attendee, visibility === 'none' ? new Set() : visibility);
  });
}
