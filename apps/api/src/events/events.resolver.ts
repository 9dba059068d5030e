import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { Organiser } from '../accounts/models/organiser.model';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphqlContext } from '../common/graphql-context';
import { toEventModel } from './event.mapper';
import { EventsService } from './events.service';
import { CreateEventInput, UpdateEventInput } from './inputs/event.inputs';
import { Event, Tag } from './models/event.model';

@Resolver(() => Event)
export class EventsResolver {
  constructor(
    private readonly eventsService: EventsService,
    private readonly accountsService: AccountsService,
  ) {}

  @Mutation(() => Event, { description: 'Admin: create an event, optionally with its tag vocabulary' })
  async createEvent(@CurrentActor() actor: Actor, @Args('input') input: CreateEventInput): Promise<Event> {
    return toEventModel(await this.eventsService.create(actor, input));
  }

  @Mutation(() => Event, { description: 'Organisers: change an event; `vocabulary`, when given, replaces the whole vocabulary' })
  async updateEvent(@CurrentActor() actor: Actor, @Args('input') input: UpdateEventInput): Promise<Event> {
    return toEventModel(await this.eventsService.update(actor, input));
  }

  @Query(() => Event, { description: 'One event by id or slug' })
  async event(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { nullable: true }) slug?: string,
  ): Promise<Event> {
    return toEventModel(await this.eventsService.find(actor, { id, slug }));
  }

  @Query(() => [Event], { description: 'The events the caller can see: all (admin), organised, or attended' })
  async events(@CurrentActor() actor: Actor): Promise<Event[]> {
    return (await this.eventsService.list(actor)).map(toEventModel);
  }

  @ResolveField(() => [Tag], { description: 'The tag vocabulary, sorted by slug' })
  async vocabulary(@Parent() event: Event, @Context() context: GraphqlContext): Promise<Tag[]> {
    const tags = await context.loaders.tagsByEventId.load(event.id);
    return tags.map(({ slug, label, synonyms }) => ({ slug, label, synonyms }));
  }

  @ResolveField(() => [Organiser], { description: 'Staff only' })
  async organisers(@Parent() event: Event, @CurrentActor() actor: Actor): Promise<Organiser[]> {
    const accounts = await this.accountsService.organisersOf(actor, event.id);
    return accounts.map(({ id, email, name }) => ({ id, email, name }));
  }
}
