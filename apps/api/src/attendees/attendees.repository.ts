import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type ObjectLiteral } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { AttendeeEntity, type ShareableField } from './attendee.entity';
import { attendeeSearchSql } from './attendee-search';

/** The columns of an attendee that a use case may set in one statement, without reading the row first. */
export type AttendeeChanges = Partial<Pick<AttendeeEntity, 'present' | 'checkedInAt' | 'consentMatchmaking' | 'consentAt' | 'consentNoticeVersion' | 'calendarTokenHash'>>;

/**
 * One page of an event's attendees, its filters already normalised by the service (tags through the
 * vocabulary, the search as an ILIKE pattern).
 */
export interface AttendeeListQuery {
  eventId: string;
  /**
   * An attendee reading the list: only consenting attendees and themself, and a filter matches
   * someone else only on a field they share (else it would reveal the private ones). Null for staff.
   */
  viewerId: string | null;
  interest?: string;
  stack?: string;
  role?: string;
  language?: string;
  present?: boolean;
  consent?: boolean;
  searchPattern?: string;
  /** Staff read by name; attendees by id, so that a cursor never carries a name its owner did not share. */
  order: 'name' | 'id';
  /** The last row of the previous page, in the list's order. */
  after?: { name: string; id: string } | { id: string };
  limit: number;
}

/** Who an agenda import may name as a speaker. */
export type AttendeeDirectoryEntry = Pick<AttendeeEntity, 'id' | 'email' | 'name'>;

/**
 * Every query of the attendees aggregate (the `attendees` table). Statements that belong to a use
 * case's transaction take its `manager`; the service decides where a transaction begins and ends.
 * Each method's SQL is snapshotted in queries/attendees.repository.sql.
 */
@Injectable()
export class AttendeesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AttendeeEntity | null> {
    return manager.getRepository(AttendeeEntity).findOneBy({ id });
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AttendeeEntity> {
    return manager.getRepository(AttendeeEntity).findOneByOrFail({ id });
  }

  /** The attendee with their event (for its time zone). */
  @GenerateSql({ params: [DummyValue.UUID] })
  findWithEvent(id: string): Promise<AttendeeEntity | null> {
    return this.dataSource.getRepository(AttendeeEntity).findOne({ where: { id }, relations: { event: true } });
  }

  /** Which event an attendee belongs to, and nothing else of them. */
  @GenerateSql({ params: [DummyValue.UUID] })
  findEventOf(id: string): Promise<Pick<AttendeeEntity, 'id' | 'eventId'> | null> {
    return this.dataSource.getRepository(AttendeeEntity).findOne({ where: { id }, select: { id: true, eventId: true } });
  }

  /** Attendees by id, in no particular order (an id without a row is left out). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  findByIds(ids: readonly string[]): Promise<AttendeeEntity[]> {
    return this.dataSource.getRepository(AttendeeEntity).findBy({ id: In([...ids]) });
  }

  /** The attendee whose calendar feed this token hash opens. */
  @GenerateSql({ params: [DummyValue.STRING] })
  findByCalendarTokenHash(hash: string): Promise<AttendeeEntity | null> {
    return this.dataSource.getRepository(AttendeeEntity).createQueryBuilder('a').where('a.calendar_token_hash = :hash', { hash }).getOne();
  }

  /** The attendee, their row locked for update until the transaction ends. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  lockById(id: string, manager: EntityManager): Promise<AttendeeEntity | null> {
    return manager.getRepository(AttendeeEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks the attendee's row (so a message being queued or rendered about them finishes first, or sees
   * them gone) and returns their email; null when there is no such attendee.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async lockEmail(id: string, manager: Pick<EntityManager, 'query'>): Promise<string | null> {
    const [row]: { email: string }[] = await manager.query(`SELECT email FROM attendees WHERE id = $1 FOR UPDATE`, [id]);
    return row?.email ?? null;
  }

  /** The event's attendees with these emails, locked for update (an import's chunk). */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.STRING]], transaction: true })
  lockByEmails(eventId: string, emails: readonly string[], manager: EntityManager): Promise<AttendeeEntity[]> {
    return manager.getRepository(AttendeeEntity).find({ where: { eventId, email: In([...emails]) }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every attendee of the event, with only what names them. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  directoryOf(eventId: string, manager: EntityManager): Promise<AttendeeDirectoryEntry[]> {
    return manager.getRepository(AttendeeEntity).find({ where: { eventId }, select: { id: true, email: true, name: true } });
  }

  /** The event's attendees not erased yet (whom an anonymisation erases). */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async idsNotErased(eventId: string, manager: Pick<EntityManager, 'query'>): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM attendees WHERE event_id = $1 AND erased_at IS NULL`, [eventId]);
    return rows.map((row) => row.id);
  }

  /** Inserts a new attendee (the email's uniqueness in the event is the database's: uq_attendees_event_email). */
  @GenerateSql({ params: [{ eventId: DummyValue.UUID, email: 'dummy@example.org', name: DummyValue.STRING }], transaction: true })
  insert(attendee: Partial<AttendeeEntity>, manager: EntityManager): Promise<AttendeeEntity> {
    const attendees = manager.getRepository(AttendeeEntity);
    return attendees.save(attendees.create(attendee));
  }

  /** Writes a changed attendee read in the same transaction. */
  save(attendee: AttendeeEntity, manager: EntityManager): Promise<AttendeeEntity> {
    return manager.getRepository(AttendeeEntity).save(attendee);
  }

  /** Inserts new attendees, then writes changed ones by (event, email): an import's chunk. */
  @GenerateSql({ params: [[{ eventId: DummyValue.UUID, email: 'dummy@example.org', name: DummyValue.STRING }], []], transaction: true })
  async writeChunk(inserts: Partial<AttendeeEntity>[], updates: AttendeeEntity[], manager: EntityManager): Promise<void> {
    const attendees = manager.getRepository(AttendeeEntity);
    if (inserts.length) await attendees.insert(inserts);
    if (updates.length) await attendees.upsert(updates, { conflictPaths: ['eventId', 'email'] });
  }

  /** Sets these columns of one attendee. */
  @GenerateSql({ params: [DummyValue.UUID, { present: true, checkedInAt: DummyValue.DATE }] })
  async update(id: string, changes: AttendeeChanges, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(AttendeeEntity).update({ id }, changes);
  }

  /**
   * Marks the attendee present; the first check-in's time stays. Null when there is no such attendee,
   * else whether they were present already.
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async checkIn(id: string): Promise<boolean | null> {
    const [row]: { already: boolean }[] = await this.dataSource.query(
      `WITH before AS (SELECT present FROM attendees WHERE id = $1 FOR UPDATE),
            changed AS (UPDATE attendees a SET present = true, updated_at = now(),
                               checked_in_at = CASE WHEN b.present THEN coalesce(a.checked_in_at, now()) ELSE now() END
                          FROM before b WHERE a.id = $1 RETURNING b.present AS already)
       SELECT already FROM changed`,
      [id],
    );
    return row ? row.already : null;
  }

  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async deleteById(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(AttendeeEntity).delete({ id });
  }

  /** One page of the event's attendees (`limit` rows at most) and how many match in all. */
  @GenerateSql(
    { name: 'staff', params: [{ eventId: DummyValue.UUID, viewerId: null, role: 'cto', present: true, consent: true, searchPattern: '%dummy%', order: 'name', after: { name: DummyValue.STRING, id: DummyValue.OTHER_UUID }, limit: 21 }] },
    { name: 'attendee', params: [{ eventId: DummyValue.UUID, viewerId: DummyValue.OTHER_UUID, interest: 'rag', stack: 'python', language: 'en', order: 'id', after: { id: DummyValue.OTHER_UUID }, limit: 21 }] },
  )
  async list(query: AttendeeListQuery): Promise<{ rows: AttendeeEntity[]; totalCount: number }> {
    const builder = this.dataSource.getRepository(AttendeeEntity).createQueryBuilder('a').where('a.event_id = :eventId', { eventId: query.eventId });
    const viewerId = query.viewerId;
    if (viewerId !== null) builder.andWhere('(a.consent_matchmaking OR a.id = :self)', { self: viewerId });
    const filterOn = (field: ShareableField, condition: string, parameters: ObjectLiteral) =>
      viewerId !== null
        ? builder.andWhere(`(${condition}) AND (a.id = :self OR :${field}Shared = ANY(a.shared_fields))`, { ...parameters, [`${field}Shared`]: field })
        : builder.andWhere(condition, parameters);
    if (query.interest !== undefined) filterOn('interests', ':interest = ANY(a.interests)', { interest: query.interest });
    if (query.stack !== undefined) filterOn('stack', ':stack = ANY(a.stack)', { stack: query.stack });
    if (query.role !== undefined) filterOn('role', 'a.role = :role', { role: query.role });
    if (query.language !== undefined) filterOn('languages', ':language = ANY(a.languages)', { language: query.language });
    if (query.present !== undefined) builder.andWhere('a.present = :present', { present: query.present });
    if (query.consent !== undefined) builder.andWhere('a.consent_matchmaking = :consent', { consent: query.consent });
    if (query.searchPattern !== undefined) builder.andWhere(attendeeSearchSql('a', 'search'), { search: query.searchPattern });
    const totalCount = await builder.clone().getCount();
    if (query.after) {
      if (query.order === 'name' && 'name' in query.after) builder.andWhere('(a.name, a.id) > (:name, :id)', query.after);
      else builder.andWhere('a.id > :id', { id: query.after.id });
    }
    if (query.order === 'name') builder.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC');
    else builder.orderBy('a.id', 'ASC');
    return { rows: await builder.take(query.limit).getMany(), totalCount };
  }

  /**
   * Writes over everything of the attendee that identifies them (erasure, found by id): the row stays, so
   * partners' meeting histories and the statistics hold, named `name` and addressed `email`.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING, 'erased@erased.invalid', DummyValue.DATE], transaction: true })
  async anonymise(id: string, name: string, email: string, at: Date, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(
      `UPDATE attendees SET name = $2, email = $3, company = NULL, role = NULL, seniority = NULL, ticket_type = NULL, bio = NULL,
              stack = '{}', interests = '{}', looking_for = '{}', can_offer = '{}', languages = '{}', links = '{}',
              consent_matchmaking = false, consent_at = NULL, consent_notice_version = NULL, shared_fields = '{name}',
              present = false, checked_in_at = NULL, calendar_token_hash = NULL, erased_at = $4, updated_at = $4
        WHERE id = $1`,
      [id, name, email, at],
    );
  }
}
