import type { Writable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { decodeCursor, isCursorId, pageOf, type KeyedPage } from '../common/paging';
import { isUuid } from '../common/sql';
import { EventEntity } from '../events/event.entity';
import { slugify } from '../events/tag-vocabulary';
import { RoundEntity } from '../rounds/round.entity';
import type { PairingReportArgs } from './inputs/pairing-report.args';
import { ReportExportEntity, type ExportOutcome, type ReportFormat } from './report-export.entity';
import type { TagLabels } from '../rounds/meeting-explanation';
import { computeStats, countMeetings, largestMeeting, pairingRowsQuery, tagLabels, type EventStatsData, type ReportScope, type RowPosition } from './report-queries';
import { toPairingRow, type PairingRow, type PairingRowRecord } from './report-rows';
import { scoreChartSvg } from './score-chart';
import { ExportAborted } from './writers/backpressure';
import { writeCsv } from './writers/csv-writer';
import { writeJson } from './writers/json-writer';
import type { ReportContent, RowProgress } from './writers/report-content';
import { writeXlsx } from './writers/xlsx-writer';
import { EventsRepository } from '../events/events.repository';

export const MAX_REPORT_PAGE = 500;

export interface ExportRequest {
  eventId: string;
  roundId?: string;
  format: ReportFormat;
  channel: 'http' | 'cli';
  requestId?: string;
}

/** An authorised, logged export about to be written. */
export interface ReportExport {
  id: string;
  filename: string;
  contentType: string;
  /** Streams the report into `destination` (and ends it); resolves with the rows written. */
  writeTo(destination: Writable, onRow?: RowProgress): Promise<ExportResult>;
}

export interface ExportResult {
  outcome: Exclude<ExportOutcome, 'STARTED'>;
  rows: number;
  total: number;
}

export interface PairingReportPage extends KeyedPage<PairingRow> {
  /** The event's time zone, in which local times are written. */
  timeZone: string;
  totalCount: number;
}

/** How each format is written; CSV has no room for the KPIs, so they are not computed for it. */
const FORMATS = {
  csv: { write: writeCsv, contentType: 'text/csv; charset=utf-8', withStats: false },
  xlsx: { write: writeXlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', withStats: true },
  json: { write: writeJson, contentType: 'application/json; charset=utf-8', withStats: true },
} satisfies Record<ReportFormat, { write: (content: ReportContent, destination: Writable, onRow: RowProgress) => Promise<number>; contentType: string; withStats: boolean }>;

/**
 * Pairing reports and event KPIs for admins and an event's organisers.
 * Files stream from a database cursor inside one read-only snapshot (the
 * summary and the rows agree), in bounded memory; the connection goes back
 * to the pool as soon as the export ends, is abandoned or fails. Every export
 * is recorded in `report_exports` and logged.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
  ) {}

  /** Authorisation first (a stranger learns nothing about which events exist), then the event and round. */
  async authorise(actor: Actor, eventId: string, roundId?: string): Promise<{ event: EventEntity; round: RoundEntity | null }> {
    assertCanManage(actor, eventId);
    const event = await this.events.findById(eventId);
    if (!event) throw notFound('Event');
    if (!roundId) return { event, round: null };
    const round = await this.dataSource.getRepository(RoundEntity).findOneBy({ id: roundId, eventId });
    if (!round) throw notFound('Round');
    return { event, round };
  }

  /** The KPIs, with the event's time zone (in which local times are written). */
  async stats(actor: Actor, eventId: string): Promise<{ stats: EventStatsData; timeZone: string }> {
    const { event } = await this.authorise(actor, eventId);
    return { stats: await this.inSnapshot((runner) => computeStats(runner.manager, { eventId })), timeZone: event.timeZone };
  }

  /** The score distribution per round as an SVG picture. */
  async scoreChart(actor: Actor, eventId: string, roundId?: string): Promise<string> {
    const { event, round } = await this.authorise(actor, eventId, roundId);
    const stats = await this.inSnapshot((runner) => computeStats(runner.manager, { eventId, roundId }));
    return scoreChartSvg(`Pair scores per round — ${event.name}${round ? ` — ${round.name}` : ''}`, stats.rounds);
  }

  /** A page of report rows (GraphQL), in round then table order. */
  async page(actor: Actor, args: PairingReportArgs): Promise<PairingReportPage> {
    const after = args.after === undefined ? undefined : decodeCursor(args.after, readRowPosition);
    const { event } = await this.authorise(actor, args.eventId, args.roundId);
    const scope = { eventId: args.eventId, roundId: args.roundId };
    return this.inSnapshot(async (runner) => {
      const [sql, parameters] = pairingRowsQuery(scope, { after, limit: args.first + 1 });
      const records: PairingRowRecord[] = await runner.query(sql, parameters);
      const labels = await tagLabels(runner.manager, args.eventId);
      const { rows, hasNextPage } = pageOf(records, args.first);
      return {
        rows: rows.map((record) => toPairingRow(record, labels)),
        hasNextPage,
        keyOf: (row: PairingRow) => [row.roundId, row.tableNumber],
        timeZone: event.timeZone,
        totalCount: await countMeetings(runner.manager, scope),
      };
    });
  }

  /**
   * Authorises and records an export; nothing is read yet (so an HTTP route
   * can still answer 403/404 before it sends headers).
   */
  async startExport(actor: Actor, request: ExportRequest): Promise<ReportExport> {
    const { event, round } = await this.authorise(actor, request.eventId, request.roundId);
    const log = await this.dataSource.getRepository(ReportExportEntity).save({
      eventId: event.id,
      roundId: round?.id ?? null,
      accountId: actor.kind === 'account' && isUuid(actor.accountId) ? actor.accountId : null,
      channel: request.channel,
      format: request.format,
      requestId: request.requestId ?? null,
    });
    const name = round ? `${event.slug}-${slugify(round.name) || `round-${round.id.slice(0, 8)}`}` : event.slug;
    return {
      id: log.id,
      filename: `pairwise-${name}-pairings.${request.format}`,
      contentType: FORMATS[request.format].contentType,
      writeTo: (destination, onRow) => this.write(log, event, round, destination, onRow),
    };
  }

  private async write(log: ReportExportEntity, event: EventEntity, round: RoundEntity | null, destination: Writable, onRow?: RowProgress): Promise<ExportResult> {
    const started = Date.now();
    let written = 0;
    let total = 0;
    let outcome: ExportResult['outcome'] = 'FAILED';
    try {
      await this.inSnapshot(async (runner) => {
        const scope: ReportScope = { eventId: event.id, roundId: round?.id };
        const format = FORMATS[log.format];
        const stats = format.withStats ? await computeStats(runner.manager, scope) : null;
        total = await countMeetings(runner.manager, scope);
        const content: ReportContent = {
          event: { id: event.id, slug: event.slug, name: event.name, timeZone: event.timeZone },
          round: round ? { id: round.id, name: round.name } : null,
          generatedAt: new Date(),
          stats,
          total,
          largestMeeting: await largestMeeting(runner.manager, scope),
          rows: streamRows(runner, scope, await tagLabels(runner.manager, event.id)),
        };
        await format.write(content, destination, (count) => {
          written = count;
          onRow?.(count, total);
        });
      });
      outcome = 'COMPLETED';
    } catch (error) {
      outcome = error instanceof ExportAborted || destination.destroyed ? 'ABORTED' : 'FAILED';
      if (!destination.destroyed) destination.destroy(outcome === 'FAILED' ? (error as Error) : undefined);
      if (outcome === 'FAILED') throw error;
    } finally {
      await this.dataSource
        .getRepository(ReportExportEntity)
        .update({ id: log.id }, { outcome, rows: written, finishedAt: new Date() })
        .catch((error: unknown) => this.logger.error({ err: error, exportId: log.id }, 'Could not record the end of an export'));
      this.logger.log({
        msg: 'report export',
        reqId: log.requestId ?? undefined,
        exportId: log.id,
        eventId: log.eventId,
        roundId: log.roundId,
        accountId: log.accountId,
        channel: log.channel,
        format: log.format,
        outcome,
        rows: written,
        total,
        ms: Date.now() - started,
      });
    }
    return { outcome, rows: written, total };
  }

  /**
   * Runs `work` on a connection of its own in a REPEATABLE READ, READ ONLY
   * transaction (one snapshot for every query), without JIT, then rolls back and releases
   * the connection, whatever happened.
   */
  private async inSnapshot<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      // Many small index lookups: compiling them (JIT) costs more than it saves.
      await runner.query('SET LOCAL jit = off');
      return await work(runner);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}

/**
 * The rows of a scope from a server-side cursor (pg-query-stream: a batch of
 * rows at a time, pulled only as fast as the consumer takes them). Leaving the
 * loop early — an abandoned download — closes the cursor at once.
 */
async function* streamRows(runner: QueryRunner, scope: ReportScope, labels: TagLabels): AsyncGenerator<PairingRow> {
  const [sql, parameters] = pairingRowsQuery(scope);
  const stream = await runner.stream(sql, parameters);
  try {
    for await (const record of stream) yield toPairingRow(record as PairingRowRecord, labels);
  } finally {
    if (!stream.destroyed) stream.destroy();
  }
}

/** The position in a report's order (round, then table) a cursor holds. */
function readRowPosition([roundId, tableNumber, ...rest]: readonly unknown[]): RowPosition | undefined {
  return isCursorId(roundId) && Number.isInteger(tableNumber) && !rest.length ? { roundId, tableNumber: tableNumber as number } : undefined;
}
