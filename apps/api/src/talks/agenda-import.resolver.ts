import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { AgendaImportService } from './agenda-import.service';
import { AgendaFormat, AgendaImportReport } from './models/agenda-import-report.model';

@Resolver()
export class AgendaImportResolver {
  constructor(private readonly agendaImport: AgendaImportService) {}

  @Mutation(() => AgendaImportReport, {
    description:
      "Organisers: create or update the event's talks from an agenda file — a Sessionize \"All data\" export or a CSV — keyed by the session ids of the file (safe to repeat); local times are on the event's clock; `dryRun: true` previews it",
  })
  importAgenda(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('file', { type: () => String, nullable: true, description: 'The file as text: Sessionize JSON, or CSV with its header line first (give this or fileBase64)' }) file: string | null,
    @Args('fileBase64', {
      type: () => String,
      nullable: true,
      description: "The file's bytes in standard base64 (give this or file): read as UTF-8 (with or without a byte-order mark), UTF-16 LE or BE, or Windows-1252, as `pairwise agenda import` reads a file",
    })
    fileBase64: string | null,
    @Args('format', { type: () => AgendaFormat, nullable: true, description: 'Without it: SESSIONIZE_JSON when the text starts with {, else CSV' }) format: AgendaFormat | null,
    @Args('dryRun', { defaultValue: false, description: 'Write nothing: report what the import would do (a preview)' }) dryRun: boolean,
  ): Promise<AgendaImportReport> {
    return this.agendaImport.importUpload(actor, eventId, { file, fileBase64 }, format, dryRun);
  }
}
