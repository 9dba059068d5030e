import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { toConnection } from '../common/paging';
import { PairingReportArgs } from './inputs/pairing-report.args';
import { EventStats, PairingReportConnection } from './models/report.models';
import { toEventStats, toPairingReportRow } from './report.mapper';
import { ReportsService } from './reports.service';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reportsService: ReportsService) {}

  @Query(() => PairingReportConnection, {
    description:
      'Organisers, admins: one row per meeting — the whole event (published rounds) or one round — with what each participant shares, ' +
      'score, top reasons, status and feedback. `first` ≤ 500. Files: GET /events/{eventId}/reports/pairings.csv or .xlsx',
  })
  async pairingReport(@CurrentActor() actor: Actor, @Args() args: PairingReportArgs): Promise<PairingReportConnection> {
    const page = await this.reportsService.page(actor, args);
    return { ...toConnection(page, (row) => toPairingReportRow(row, page.timeZone)), totalCount: page.totalCount };
  }

  @Query(() => EventStats, { description: 'Organisers, admins: the KPIs of an event (published rounds); as a picture: GET /events/{eventId}/reports/scores.svg' })
  async eventStats(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }) eventId: string): Promise<EventStats> {
    const { stats, timeZone } = await this.reportsService.stats(actor, eventId);
    return toEventStats(stats, timeZone);
  }
}
