import { Check, Column, Entity, Index } from 'typeorm';
import { IdColumn, References } from '../database/columns';
import { AccountEntity } from '../accounts/account.entity';
import { EventScopedEntity } from '../events/event-scoped.entity';
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
export class ReportExportEntity extends EventScopedEntity {
  /** The round asked for; null for the whole event. */
  @IdColumn('round_id', { nullable: true })
  roundId!: string | null;

  @References(() => RoundEntity, 'round_id', { onDelete: 'SET NULL' })
  round?: RoundEntity;

  /** The staff account that asked; null for the CLI operator (whoever holds the database). */
  @IdColumn('account_id', { nullable: true })
  accountId!: string | null;

  @References(() => AccountEntity, 'account_id', { onDelete: 'SET NULL' })
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
