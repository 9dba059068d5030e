import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { idArg } from '../common/validation';
import type { ReportFormat } from './report-export.entity';
import { sendDownload } from './send-download';
import { ReportsService } from './reports.service';

type RequestWithId = IncomingMessage & { id?: unknown };

/** Report files for admins and the event's organisers (bearer token, as for GraphQL). */
@Controller('events/:eventId/reports')
export class ReportsController {
  constructor(private readonly reportsService: ReportsService) {}

  @Get('pairings.csv')
  csv(@CurrentActor() actor: Actor, @Param('eventId', idArg('eventId')) eventId: string, @Query('round', idArg('round', { optional: true })) round: string | undefined, @Req() request: RequestWithId, @Res() response: ServerResponse): Promise<void> {
    return this.download('csv', actor, eventId, round, request, response);
  }

  @Get('pairings.xlsx')
  xlsx(@CurrentActor() actor: Actor, @Param('eventId', idArg('eventId')) eventId: string, @Query('round', idArg('round', { optional: true })) round: string | undefined, @Req() request: RequestWithId, @Res() response: ServerResponse): Promise<void> {
    return this.download('xlsx', actor, eventId, round, request, response);
  }

  @Get('scores.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('cache-control', 'no-store')
  scores(@CurrentActor() actor: Actor, @Param('eventId', idArg('eventId')) eventId: string, @Query('round', idArg('round', { optional: true })) round?: string): Promise<string> {
    return this.reportsService.scoreChart(actor, eventId, round);
  }

  private async download(format: ReportFormat, actor: Actor, eventId: string, roundId: string | undefined, request: RequestWithId, response: ServerResponse): Promise<void> {
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    const download = await this.reportsService.startExport(actor, { eventId, roundId, format, channel: 'http', requestId });
    await sendDownload(response, download);
  }
}
