import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { AccountEntity } from './account.entity';
import { EventOrganiserEntity } from './event-organiser.entity';

const DUMMY_EMAIL = 'dummy@example.org';

/**
 * Every query of the staff accounts aggregate (`accounts`, and which events each organises,
 * `event_organisers`). Emails are stored lower-cased: callers pass them so. Statements that belong
 * to a use case's transaction take its `manager`; the service decides where a transaction begins
 * and ends. Each method's SQL is snapshotted in queries/accounts.repository.sql.
 */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [DUMMY_EMAIL] })
  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ email });
  }

  /** The admin of the configuration: created, or made admin with this password hash when the email has an account. */
  @GenerateSql({ params: [{ email: DUMMY_EMAIL, name: DummyValue.STRING, passwordHash: DummyValue.STRING }], transaction: true })
  async saveAdmin(admin: Pick<AccountEntity, 'email' | 'name' | 'passwordHash'>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(AccountEntity).upsert({ ...admin, isAdmin: true }, ['email']);
  }

  /** The account of this email, created with this name when there is none (an existing account keeps its name). */
  @GenerateSql({ params: [{ email: DUMMY_EMAIL, name: DummyValue.STRING }], transaction: true })
  async findOrCreate(account: Pick<AccountEntity, 'email' | 'name'>, manager: EntityManager): Promise<AccountEntity> {
    const accounts = manager.getRepository(AccountEntity);
    await accounts.createQueryBuilder().insert().values(account).orIgnore().execute();
    return accounts.findOneByOrFail({ email: account.email });
  }

  /** Makes the account an organiser of the event (again: nothing changes). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async addOrganiser(eventId: string, accountId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(EventOrganiserEntity).upsert({ eventId, accountId }, ['eventId', 'accountId']);
  }

  /** False when the account did not organise the event. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async removeOrganiser(eventId: string, accountId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(EventOrganiserEntity).delete({ eventId, accountId });
    return Boolean(result.affected);
  }

  /** The event's organisers, by email. */
  @GenerateSql({ params: [DummyValue.UUID] })
  organisersOf(eventId: string): Promise<AccountEntity[]> {
    return this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('account')
      .innerJoin(EventOrganiserEntity, 'link', 'link.account_id = account.id')
      .where('link.event_id = :eventId', { eventId })
      .orderBy('account.email')
      .getMany();
  }
}
