import type { FastifyReply, FastifyRequest } from 'fastify';
import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { idArg } from '../common/validation';
import type { ReportFormat } from './report-export.entity';
import { sendDownload } from './send-download';
import { ReportsService } from './reports.service';


/** Report files for admins and the event's organisers (bearer token, as for GraphQL). */
@Controller('events/:eventId/reports')
export class ReportsController {
  constructor(private readonly reportsService: ReportsService) {}

  @Get('pairings.csv')
  csv(@CurrentActor() actor: Actor, @Param('eventId', idArg('eventId')) eventId: string, @Query('round', idArg('round', { optional: true })) round: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.download('csv', actor, eventId, round, request, reply);
  }

  @Get('pairings.xlsx')
  xlsx(@CurrentActor() actor: Actor, @Param('eventId', idArg('eventId')) eventId: string, @Query('round', idArg('round', { optional: true })) round: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.download('xlsx', actor, eventId, round, request, reply);
  }

  @Get('scores.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('cache-control', 'no-store')
  scores(@CurrentActor() actor: Actor, @Param('eventId', idArg('eventId')) eventId: string, @Query('round', idArg('round', { optional: true })) round?: string): Promise<string> {
    return this.reportsService.scoreChart(actor, eventId, round);
  }

  private async download(format: ReportFormat, actor: Actor, eventId: string, roundId: string | undefined, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // The id of the request's log lines and of its x-request-id header (create-app.ts).
    const requestId = request.id;
    const download = await this.reportsService.startExport(actor, { eventId, roundId, format, channel: 'http', requestId });
    // Streamed straight to the socket from a database cursor: Fastify lets go of the reply,
    // so the headers it was given so far (request id, rate limits) are handed over first.
    reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
    await sendDownload(reply.raw, download);
  }
}
