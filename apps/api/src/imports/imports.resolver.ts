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
    @Args('csv', { type: () => String, nullable: true, description: 'The CSV text, header line first (give this or csvBase64)' }) csv: string | null,
    @Args('csvBase64', {
      type: () => String,
      nullable: true,
      description: "The file's bytes in standard base64 (give this or csv): read as UTF-8 (with or without a byte-order mark), UTF-16 LE or BE, or Windows-1252, as `pairwise import` reads a file",
    })
    csvBase64: string | null,
    @Args('dryRun', { defaultValue: false, description: 'Write nothing: report what the import would do (a preview)' }) dryRun: boolean,
  ): Promise<ImportReport> {
    return this.importService.importUpload(actor, eventId, { csv, csvBase64 }, dryRun);
  }
}
