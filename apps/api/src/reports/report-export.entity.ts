import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { EventEntity } from '../events/event.entity';
import { RoundEntity } from '../rounds/round.entity';

import type { ReportFormat } from './report-format';

export { REPORT_FORMATS, type ReportFormat } from './report-format';

export const EXPORT_OUTCOMES = ['STARTED', 'COMPLETED', 'ABORTED', 'FAILED'] as const;
export type ExportOutcome = (typeof EXPORT_OUTCOMES)[number];

/**
 * The audit trail of report exports: who took which report of which event,
 * when, through which channel, and how it ended (a download the client
 * abandoned is ABORTED, with the rows it had received).
 */
@Entity('report_exports')
@Check('ck_report_exports_format', `format IN ('csv', 'xlsx', 'json')`)
@Check('ck_report_exports_channel', `channel IN ('http', 'cli')`)
@Check('ck_report_exports_outcome', `outcome IN ('STARTED', 'COMPLETED', 'ABORTED', 'FAILED')`)
@Index('ix_report_exports_event', ['eventId', 'startedAt'])
export class ReportExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;

  /** The round asked for; null for the whole event. */
  @Column('uuid', { name: 'round_id', nullable: true })
  roundId!: string | null;

  @ManyToOne(() => RoundEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'round_id' })
  round?: RoundEntity;

  /** The staff account that asked; null for the CLI operator (whoever holds the database). */
  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('text')
  channel!: 'http' | 'cli';

  @Column('text')
  format!: ReportFormat;

  @Column('text', { default: 'STARTED' })
  outcome!: ExportOutcome;

  /** Meeting rows written (so far, for an aborted export). */
  @Column('int', { default: 0 })
  rows!: number;

  /** The request id of an HTTP download (matches the access log). */
  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('timestamptz', { name: 'started_at', default: () => 'now()' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
