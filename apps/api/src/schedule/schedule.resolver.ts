import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { MySchedule } from './models/schedule.model';
import { toMyScheduleModel } from './schedule.mapper';
import { ScheduleService } from './schedule.service';

@Resolver(() => MySchedule)
export class ScheduleResolver {
  constructor(private readonly scheduleService: ScheduleService) {}

  @Query(() => MySchedule, {
    description: 'Attendees: your day — talks you bookmarked or give, office-hour slots (as speaker or asker), your tables and sit-outs in published rounds — in time order, on the event’s clock',
  })
  async mySchedule(@CurrentActor() actor: Actor): Promise<MySchedule> {
    return toMyScheduleModel(await this.scheduleService.scheduleOf(actor), actor.kind === 'attendee' ? actor.attendeeId : '');
  }

  @Mutation(() => Boolean, { description: 'Attendees: add a talk of your event to your schedule and calendar feed (twice is once)' })
  bookmarkTalk(@CurrentActor() actor: Actor, @Args('talkId', { type: () => ID }) talkId: string): Promise<boolean> {
    return this.scheduleService.bookmark(actor, talkId);
  }

  @Mutation(() => Boolean, { description: 'Attendees: remove a talk from your schedule (one not bookmarked: nothing to do)' })
  unbookmarkTalk(@CurrentActor() actor: Actor, @Args('talkId', { type: () => ID }) talkId: string): Promise<boolean> {
    return this.scheduleService.unbookmark(actor, talkId);
  }
}
