import type { Writable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { slugify } from '@pairwise/vocabulary';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { decodeCursor, isCursorId, pageOf, type KeyedPage } from '../common/paging';
import { isUuid } from '../common/sql';
import { EventEntity } from '../events/event.entity';
import type { RoundEntity } from '../rounds/round.entity';
import { RoundsRepository } from '../rounds/rounds.repository';
import type { PairingReportArgs } from './inputs/pairing-report.args';
import type { ReportExportEntity, ExportOutcome, ReportFormat } from './report-export.entity';
import type { TagLabels } from '../rounds/meeting-explanation';
import { ReportsRepository, type EventStatsData, type ReportScope, type RowPosition } from './reports.repository';
import { toPairingRow, type PairingRow } from './report-rows';
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
    private readonly rounds: RoundsRepository,
    private readonly reports: ReportsRepository,
  ) {}

  /** Authorisation first (a stranger learns nothing about which events exist), then the event and round. */
  async authorise(actor: Actor, eventId: string, roundId?: string): Promise<{ event: EventEntity; round: RoundEntity | null }> {
    assertCanManage(actor, eventId);
    const event = await this.events.findById(eventId);
    if (!event) throw notFound('Event');
    if (!roundId) return { event, round: null };
    const round = await this.rounds.findById(roundId);
    if (!round || round.eventId !== eventId) throw notFound('Round');
    return { event, round };
  }

  /** The KPIs, with the event's time zone (in which local times are written). */
  async stats(actor: Actor, eventId: string): Promise<{ stats: EventStatsData; timeZone: string }> {
    const { event } = await this.authorise(actor, eventId);
    return { stats: await this.inSnapshot((manager) => this.reports.stats({ eventId }, manager)), timeZone: event.timeZone };
  }

  /** The score distribution per round as an SVG picture. */
  async scoreChart(actor: Actor, eventId: string, roundId?: string): Promise<string> {
    const { event, round } = await this.authorise(actor, eventId, roundId);
    const stats = await this.inSnapshot((manager) => this.reports.stats({ eventId, roundId }, manager));
    return scoreChartSvg(`Pair scores per round — ${event.name}${round ? ` — ${round.name}` : ''}`, stats.rounds);
  }

  /** A page of report rows (GraphQL), in round then table order. */
  async page(actor: Actor, args: PairingReportArgs): Promise<PairingReportPage> {
    const after = args.after === undefined ? undefined : decodeCursor(args.after, readRowPosition);
    const { event } = await this.authorise(actor, args.eventId, args.roundId);
    const scope = { eventId: args.eventId, roundId: args.roundId };
    return this.inSnapshot(async (manager) => {
      const records = await this.reports.pairingRows(scope, { after, limit: args.first + 1 }, manager);
      const labels = await this.tagLabels(args.eventId, manager);
      const { rows, hasNextPage } = pageOf(records, args.first);
      return {
        rows: rows.map((record) => toPairingRow(record, labels)),
        hasNextPage,
        keyOf: (row: PairingRow) => [row.roundId, row.tableNumber],
        timeZone: event.timeZone,
        totalCount: await this.reports.countMeetings(scope, manager),
      };
    });
  }

  /**
   * Authorises and records an export; nothing is read yet (so an HTTP route
   * can still answer 403/404 before it sends headers).
   */
  async startExport(actor: Actor, request: ExportRequest): Promise<ReportExport> {
    const { event, round } = await this.authorise(actor, request.eventId, request.roundId);
    const log = await this.reports.recordExportStart({
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
      await this.inSnapshot(async (manager) => {
        const scope: ReportScope = { eventId: event.id, roundId: round?.id };
        const format = FORMATS[log.format];
        const stats = format.withStats ? await this.reports.stats(scope, manager) : null;
        total = await this.reports.countMeetings(scope, manager);
        const content: ReportContent = {
          event: { id: event.id, slug: event.slug, name: event.name, timeZone: event.timeZone },
          round: round ? { id: round.id, name: round.name } : null,
          generatedAt: new Date(),
          stats,
          total,
          largestMeeting: await this.reports.largestMeeting(scope, manager),
          rows: this.streamRows(scope, await this.tagLabels(event.id, manager), manager),
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
      await this.reports
        .recordExportEnd(log.id, { outcome, rows: written, finishedAt: new Date() })
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
   * transaction (one snapshot for every query), then rolls back and releases
   * the connection, whatever happened.
   */
  private async inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await this.reports.readOnlySnapshot(runner.manager);
      return await work(runner.manager);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** The report rows of a scope, streamed (see ReportsRepository.streamPairingRows), in the vocabulary's words. */
  private async *streamRows(scope: ReportScope, labels: TagLabels, manager: EntityManager): AsyncGenerator<PairingRow> {
    for await (const record of this.reports.streamPairingRows(scope, manager)) yield toPairingRow(record, labels);
  }

  /** The event's vocabulary labels (slug → label), so reports write "RAG", not "rag". */
  private async tagLabels(eventId: string, manager: EntityManager): Promise<TagLabels> {
    return new Map((await this.events.tagsOf(eventId, manager)).map((tag) => [tag.slug, tag.label]));
  }
}

/** The position in a report's order (round, then table) a cursor holds. */
function readRowPosition([roundId, tableNumber, ...rest]: readonly unknown[]): RowPosition | undefined {
  return isCursorId(roundId) && Number.isInteger(tableNumber) && !rest.length ? { roundId, tableNumber: tableNumber as number } : undefined;
}
