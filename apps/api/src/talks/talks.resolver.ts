import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { CreateTalkInput, RequestSlotInput } from './inputs/talk.inputs';
import { SlotRequest, Talk } from './models/talk.model';
import { toSlotRequestModel, toTalkModel } from './talk.mapper';
import { TalksService } from './talks.service';

@Resolver(() => Talk)
export class TalksResolver {
  constructor(private readonly talksService: TalksService) {}

  @Mutation(() => Talk, { description: 'Organisers: add a talk and the office-hour slots its speaker offers after it' })
  async createTalk(@CurrentActor() actor: Actor, @Args('input') input: CreateTalkInput): Promise<Talk> {
    const talk = await this.talksService.create(actor, input);
    return toTalkModel(await this.talksService.get(actor, talk.id));
  }

  @Query(() => [Talk], { description: 'The talks of an event, in time order' })
  async talks(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }) eventId: string): Promise<Talk[]> {
    return (await this.talksService.list(actor, eventId)).map(toTalkModel);
  }

  @Mutation(() => SlotRequest, { description: 'Attendees: ask for a short 1:1 with the speaker (asking again updates your question)' })
  async requestSpeakerSlot(@CurrentActor() actor: Actor, @Args('input') input: RequestSlotInput): Promise<SlotRequest> {
    await this.talksService.request(actor, input);
    return this.ownRequest(actor, input.talkId);
  }

  @ResolveField(() => [SlotRequest], { description: 'Staff: every request with its outcome; attendees: their own' })
  async requests(@CurrentActor() actor: Actor, @Parent() talk: Talk): Promise<SlotRequest[]> {
    const found = await this.talksService.get(actor, talk.id);
    return (await this.talksService.requests(actor, found.talk)).map((request) => toSlotRequestModel(actor, found, request));
  }

  private async ownRequest(actor: Actor, talkId: string): Promise<SlotRequest> {
    const found = await this.talksService.get(actor, talkId);
    const [mine] = await this.talksService.requests(actor, found.talk);
    return toSlotRequestModel(actor, found, mine!);
  }
}
