import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { notFound } from '../common/domain-error';
import { toConnection } from '../common/paging';
import { toEventModel } from '../events/event.mapper';
import { Event } from '../events/models/event.model';
import type { GraphqlContext } from '../common/graphql-context';
import { toAttendeeModel, visibilityFor } from './attendee-view';
import type { AttendeeEntity } from './attendee.entity';
import { AttendeesService, type WrittenAttendee } from './attendees.service';
import { AttendeesArgs, CreateAttendeeInput, UpdateAttendeeInput, UpdateMyProfileInput } from './inputs/attendee.inputs';
import { Attendee, AttendeeConnection, AttendeePayload } from './models/attendee.model';

@Resolver(() => Attendee)
export class AttendeesResolver {
  constructor(private readonly attendeesService: AttendeesService) {}

  @Mutation(() => AttendeePayload, { description: 'Organisers: add an attendee to an event' })
  async createAttendee(@CurrentActor() actor: Actor, @Args('input') input: CreateAttendeeInput): Promise<AttendeePayload> {
    return toPayload(actor, await this.attendeesService.create(actor, input));
  }

  @Mutation(() => AttendeePayload, { description: 'Organisers: change an attendee (only the fields given)' })
  async updateAttendee(@CurrentActor() actor: Actor, @Args('input') input: UpdateAttendeeInput): Promise<AttendeePayload> {
    return toPayload(actor, await this.attendeesService.update(actor, input));
  }

  @Mutation(() => AttendeePayload, { description: 'Attendees: fill in or change your own profile' })
  async updateMyProfile(@CurrentActor() actor: Actor, @Args('input') input: UpdateMyProfileInput): Promise<AttendeePayload> {
    return toPayload(actor, await this.attendeesService.updateMyProfile(actor, input));
  }

  @Mutation(() => Boolean, { description: 'Organisers: remove an attendee and everything attached to them' })
  deleteAttendee(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.attendeesService.delete(actor, id);
  }

  @Query(() => Attendee, { description: 'One attendee, with the fields the caller may see' })
  async attendee(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Attendee> {
    return view(actor, await this.attendeesService.get(actor, id));
  }

  @Query(() => Attendee, { description: 'Attendees: your own profile' })
  async myProfile(@CurrentActor() actor: Actor): Promise<Attendee> {
    return view(actor, await this.attendeesService.myProfile(actor));
  }

  @Query(() => AttendeeConnection, { description: 'Attendees of an event, a page at a time (Relay-style cursors)' })
  async attendees(@CurrentActor() actor: Actor, @Args() args: AttendeesArgs): Promise<AttendeeConnection> {
    const page = await this.attendeesService.list(actor, args);
    return { ...toConnection(page, (row) => view(actor, row)), totalCount: page.totalCount };
  }

  @ResolveField(() => Event)
  async event(@Parent() attendee: Attendee, @Context() context: GraphqlContext): Promise<Event> {
    const event = await context.loaders.eventById.load(attendee.eventId);
    if (!event) throw notFound('Event');
    return toEventModel(event);
  }
}

function view(actor: Actor, entity: AttendeeEntity): Attendee {
  const visibility = visibilityFor(actor, entity);
  if (visibility === 'none') throw notFound('Attendee');
  return toAttendeeModel(entity, visibility);
}

function toPayload(actor: Actor, written: WrittenAttendee): AttendeePayload {
  return { attendee: view(actor, written.attendee), unknownTags: written.unknownTags };
}
