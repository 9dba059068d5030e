import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Talk } from '../talks/models/talk.model';
import { toTalkModel } from '../talks/talk.mapper';
import { ProgrammeArgs } from './inputs/office-hours.args';
import { OfficeHoursAllocation } from './models/office-hours-allocation.model';
import { OfficeHoursService } from './office-hours.service';

@Resolver()
export class OfficeHoursResolver {
  constructor(private readonly officeHours: OfficeHoursService) {}

  @Mutation(() => OfficeHoursAllocation, {
    description:
      'Organisers: allocate the office hours of every talk of the event (or of `day`) at once, as drafts to review: fairest first (nobody gets a second slot while someone who asked has none), then most relevant, never a clash; published talks stay as they are',
  })
  async allocateOfficeHours(@CurrentActor() actor: Actor, @Args() args: ProgrammeArgs): Promise<OfficeHoursAllocation> {
    const { talks, stats } = await this.officeHours.allocateProgramme(actor, args.eventId, args.day ?? null);
    return { talks: talks.map(toTalkModel), askers: stats.askers, served: stats.served, slotsOffered: stats.slotsOffered, slotsGranted: stats.slotsGranted };
  }

  @Mutation(() => [Talk], { description: 'Organisers: publish every allocated talk of the event (or of `day`), as publishSpeakerSlots does each' })
  async publishOfficeHours(@CurrentActor() actor: Actor, @Args() args: ProgrammeArgs): Promise<Talk[]> {
    return (await this.officeHours.publishProgramme(actor, args.eventId, args.day ?? null)).map(toTalkModel);
  }

  @Mutation(() => Talk, { description: 'Organisers: allocate the slots (a draft to review; run again after new requests)' })
  async allocateSpeakerSlots(@CurrentActor() actor: Actor, @Args('talkId', { type: () => ID }) talkId: string): Promise<Talk> {
    return toTalkModel(await this.officeHours.allocateTalk(actor, talkId));
  }

  @Mutation(() => Talk, { description: 'Organisers: publish the allocation; slots appear in myMeetings and calendar feeds' })
  async publishSpeakerSlots(@CurrentActor() actor: Actor, @Args('talkId', { type: () => ID }) talkId: string): Promise<Talk> {
    return toTalkModel(await this.officeHours.publishTalk(actor, talkId));
  }

  @Mutation(() => Boolean, { description: 'Attendees: withdraw your request; a published slot you give up goes to the first on the standby list who is free then' })
  withdrawSpeakerSlotRequest(@CurrentActor() actor: Actor, @Args('talkId', { type: () => ID }) talkId: string): Promise<boolean> {
    return this.officeHours.withdraw(actor, talkId);
  }
}
