import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canManageEvent, isAdmin, type Actor } from '../auth/actor';
import { asAttendee, canSeeEvent, managedEvent } from '../auth/event-access';
import { forbidden, notFound } from '../common/domain-error';
import { decodeCursor, isCursorId, pageOf, type KeyedPage } from '../common/paging';
import { attendeesError, AttendeesErrorReason } from './attendees.errors';
import { isUniqueViolation } from '../common/postgres-errors';
import { EventsService } from '../events/events.service';
import { MailErasure } from '../mail/mail-erasure';
import { AttendeeEntity } from './attendee.entity';
import { containsPattern } from './attendee-search';
import { AttendeesRepository, type AttendeeListQuery } from './attendees.repository';
import { assertCanManageAttendee, visibilityFor } from './attendee-view';
import type { AttendeesArgs, CreateAttendeeInput, UpdateAttendeeInput, UpdateMyProfileInput } from './inputs/attendee.inputs';
import { normaliseLanguages } from './languages';
import { applyProfileChanges, type ProfileChanges } from './profile-writer';
import { EventsRepository } from '../events/events.repository';

export interface WrittenAttendee {
  attendee: AttendeeEntity;
  unknownTags: string[];
}

export interface AttendeePage extends KeyedPage<AttendeeEntity> {
  totalCount: number;
}

const EMAIL_TAKEN = () => attendeesError(AttendeesErrorReason.ATTENDEE_EMAIL_TAKEN, 'An attendee of this event already has this email');

@Injectable()
export class AttendeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly eventsService: EventsService,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly mail: MailErasure,
  ) {}

  async create(actor: Actor, input: CreateAttendeeInput): Promise<WrittenAttendee> {
    return this.writing(async (manager) => {
      const event = managedEvent(actor, await this.events.findById(input.eventId, manager));
      const attendee: Partial<AttendeeEntity> = { eventId: event.id };
      const vocabulary = await this.eventsService.vocabulary(event.id, manager);
      const unknownTags = applyProfileChanges(attendee, input, vocabulary, new Date());
      return { attendee: await this.attendees.insert(attendee, manager), unknownTags };
    });
  }

  async update(actor: Actor, input: UpdateAttendeeInput): Promise<WrittenAttendee> {
    const { id, ...changes } = input;
    return this.change(id, changes, (attendee) => assertCanManageAttendee(actor, attendee));
  }

  /** An attendee edits their own profile; email and presence stay with the organisers. */
  async updateMyProfile(actor: Actor, input: UpdateMyProfileInput): Promise<WrittenAttendee> {
    const me = asAttendee(actor, 'Only attendees have a profile of their own');
    return this.change(me.attendeeId, input, () => undefined);
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    const attendee = await this.attendees.findById(id);
    if (!attendee) throw notFound('Attendee');
    assertCanManageAttendee(actor, attendee);
    await this.dataSource.transaction(async (manager) => {
      // Locked first, as erasure does: a message being queued or rendered about them finishes before, or sees them gone.
      const email = await this.attendees.lockEmail(attendee.id, manager);
      if (email === null) return;
      await this.mail.forgetMailOfRemoved(manager, attendee.id, email);
      await this.attendees.deleteById(attendee.id, manager);
    });
    return true;
  }

  /** One attendee as the viewer may see it: NOT_FOUND when they may see nothing of it. */
  async get(actor: Actor, id: string): Promise<AttendeeEntity> {
    return this.load(actor, id);
  }

  async myProfile(actor: Actor): Promise<AttendeeEntity> {
    const me = asAttendee(actor, 'Only attendees have a profile of their own');
    return this.load(actor, me.attendeeId);
  }

  /**
   * Keyset pagination. Staff see everyone, ordered by name; attendees see
   * consenting attendees (and themself), ordered by id so that a cursor never
   * carries a name its owner did not share.
   */
  async list(actor: Actor, args: AttendeesArgs): Promise<AttendeePage> {
    const visible = canSeeEvent(actor, args.eventId);
    // An admin "sees" any id, so an unknown event is only told apart from a foreign one by asking.
    if (!visible || isAdmin(actor)) {
      const exists = await this.events.exists(args.eventId);
      if (!exists) throw notFound('Event');
      if (!visible) throw notFound('Event');
    }
    const staff = canManageEvent(actor, args.eventId);
    const filter = args.filter ?? {};
    if (filter.present != null && !staff) throw forbidden('Only staff can filter by presence');
    if (filter.consent != null && !staff) throw forbidden('Only staff can filter by consent');
    if (filter.search?.trim() && !staff) throw forbidden('Only staff can search attendees');
    const query: AttendeeListQuery = { eventId: args.eventId, viewerId: actor.kind === 'attendee' ? actor.attendeeId : null, order: staff ? 'name' : 'id', limit: args.first + 1 };
    if (filter.interest || filter.stack) {
      const vocabulary = await this.eventsService.vocabulary(args.eventId);
      if (filter.interest) query.interest = vocabulary.normalise([filter.interest]).tags[0] ?? '';
      if (filter.stack) query.stack = vocabulary.normalise([filter.stack]).tags[0] ?? '';
    }
    if (filter.role) query.role = filter.role.trim().toLowerCase().replace(/\s+/g, '-');
    if (filter.language) query.language = normaliseLanguages([filter.language]).languages[0] ?? '';
    if (filter.present != null) query.present = filter.present;
    if (filter.consent != null) query.consent = filter.consent;
    const search = filter.search?.trim();
    if (search) query.searchPattern = containsPattern(search);
    if (args.after) {
      query.after =
        query.order === 'name'
          ? decodeCursor(args.after, ([name, id, ...rest]) => (typeof name === 'string' && isCursorId(id) && !rest.length ? { name, id } : undefined))
          : decodeCursor(args.after, ([id, ...rest]) => (isCursorId(id) && !rest.length ? { id } : undefined));
    }
    const { rows, totalCount } = await this.attendees.list(query);
    return { ...pageOf(rows, args.first), keyOf: query.order === 'name' ? (row) => [row.name, row.id] : (row) => [row.id], totalCount };
  }

  private async load(actor: Actor, id: string): Promise<AttendeeEntity> {
    const attendee = await this.attendees.findById(id);
    if (!attendee) throw notFound('Attendee');
    // Another event's attendee, or one who did not consent: not found, as for an unknown id.
    if (visibilityFor(actor, attendee) === 'none') throw notFound('Attendee');
    return attendee;
  }

  private change(id: string, changes: ProfileChanges, authorise: (attendee: AttendeeEntity) => void): Promise<WrittenAttendee> {
    return this.writing(async (manager) => {
      const attendee = await this.attendees.lockById(id, manager);
      if (!attendee) throw notFound('Attendee');
      authorise(attendee);
      const vocabulary = await this.eventsService.vocabulary(attendee.eventId, manager);
      const unknownTags = applyProfileChanges(attendee, changes, vocabulary, new Date());
      return { attendee: await this.attendees.save(attendee, manager), unknownTags };
    });
  }

  private async writing(work: (manager: EntityManager) => Promise<WrittenAttendee>): Promise<WrittenAttendee> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_attendees_event_email')) throw EMAIL_TAKEN();
      throw error;
    }
  }
}
