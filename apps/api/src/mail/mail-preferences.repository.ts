import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';

/** Who an unsubscribe link is for, as its page shows them. */
export interface UnsubscribeRecipient {
  email: string;
  languages: string[];
  eventName: string;
  eventLanguage: string | null;
}

/**
 * An attendee's choice about the event's emails (`attendees.mail_opt_out_at`) and what the unsubscribe
 * page reads of them. Each method's SQL is snapshotted in queries/mail-preferences.repository.sql.
 */
@Injectable()
export class MailPreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The unerased attendee with their event's name and language. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async recipient(attendeeId: string): Promise<UnsubscribeRecipient | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT a.email, a.languages, e.name AS event_name, e.language AS event_language
         FROM attendees a JOIN events e ON e.id = a.event_id WHERE a.id = $1 AND a.erased_at IS NULL`,
      [attendeeId],
    );
    return row && { email: row.email, languages: row.languages, eventName: row.event_name, eventLanguage: row.event_language };
  }

  /** Idempotent: the first unsubscription's time is kept. Messages still waiting are cancelled when their turn comes. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async stopMail(attendeeId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE attendees SET mail_opt_out_at = coalesce(mail_opt_out_at, now()) WHERE id = $1`, [attendeeId]);
  }

  /** Mail again from now on (the reminders left out meanwhile: OutboxRepository.queueUpcomingRemindersOf). */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async resumeMail(attendeeId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE attendees SET mail_opt_out_at = NULL WHERE id = $1`, [attendeeId]);
  }
}
