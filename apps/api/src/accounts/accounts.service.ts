import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canManageEvent, isAdmin } from '../auth/actor';
import { AuthService, type AccessCodeGrant } from '../auth/auth.service';
import { assertCanSee } from '../auth/event-access';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { forbidden, notFound } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import type { AccountEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';
import { EventsRepository } from '../events/events.repository';

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly authService: AuthService,
    private readonly events: EventsRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  /** The admin comes from configuration: created on first start, password re-hashed when the variable changes. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.get('admin', { infer: true });
    if (!admin) {
      this.logger.warn('No admin configured: set PAIRWISE_ADMIN_EMAIL and PAIRWISE_ADMIN_PASSWORD to sign in as admin');
      return;
    }
    const email = admin.email.toLowerCase();
    const existing = await this.accounts.findByEmail(email);
    if (existing?.isAdmin && existing.passwordHash && (await verifyPassword(admin.password, existing.passwordHash))) return;
    const passwordHash = await hashPassword(admin.password);
    await this.accounts.saveAdmin({ email, name: existing?.name ?? 'Admin', passwordHash });
    this.logger.log('The admin account is ready'); // its email is in the configuration, not in logs
  }

  /**
   * Admin only: make someone an organiser of an event and hand them a one-time access code.
   * `within`: a transaction of the caller's to join (as a savepoint), e.g. the demo seeder's.
   */
  async addOrganiser(
    actor: Actor,
    input: { eventId: string; email: string; name: string },
    within?: EntityManager,
  ): Promise<{ account: AccountEntity; grant: AccessCodeGrant }> {
    if (!isAdmin(actor)) throw forbidden('Only an admin can name organisers');
    return (within ?? this.dataSource.manager).transaction(async (manager) => {
      const event = await this.events.findById(input.eventId, manager);
      if (!event) throw notFound('Event');
      const account = await this.accounts.findOrCreate({ email: input.email.trim().toLowerCase(), name: input.name.trim() }, manager);
      await this.accounts.addOrganiser(event.id, account.id, manager);
      const grant = await this.authService.issueCode(manager, { eventId: event.id, accountId: account.id, attendeeId: null });
      return { account, grant };
    });
  }

  async removeOrganiser(actor: Actor, eventId: string, accountId: string): Promise<boolean> {
    if (!isAdmin(actor)) throw forbidden('Only an admin can remove organisers');
    if (!(await this.accounts.removeOrganiser(eventId, accountId))) throw notFound('Organiser of this event');
    return true;
  }

  /** Staff of the event only: attendees do not see who organises. */
  async organisersOf(actor: Actor, eventId: string): Promise<AccountEntity[]> {
    assertCanSee(actor, eventId, 'Event');
    if (!canManageEvent(actor, eventId)) throw forbidden('Only this event’s organisers and admins can see its organisers');
    return this.accounts.organisersOf(eventId);
  }
}
