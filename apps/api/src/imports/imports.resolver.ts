import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { AttendeeImportService } from './attendee-import.service';
import { ImportReport } from './models/import-report.model';

@Resolver()
export class ImportsResolver {
  constructor(private readonly importService: AttendeeImportService) {}

  @Mutation(() => ImportReport, {
    description: 'Organisers: create or update attendees from a ticketing CSV (upsert by email; safe to repeat); `dryRun: true` previews it',
  })
  importAttendees(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('csv', { description: 'The CSV text, header line first' }) csv: string,
    @Args('dryRun', { defaultValue: false, description: 'Write nothing: report what the import would do (a preview)' }) dryRun: boolean,
  ): Promise<ImportReport> {
    return this.importService.importCsv(actor, eventId, csv, dryRun);
  }
}
