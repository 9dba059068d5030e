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
    @Args('file', { description: 'The file as text: Sessionize JSON, or CSV with its header line first' }) file: string,
    @Args('format', { type: () => AgendaFormat, nullable: true, description: 'Without it: SESSIONIZE_JSON when the text starts with {, else CSV' }) format: AgendaFormat | null,
    @Args('dryRun', { defaultValue: false, description: 'Write nothing: report what the import would do (a preview)' }) dryRun: boolean,
  ): Promise<AgendaImportReport> {
    return this.agendaImport.importText(actor, eventId, file, format, dryRun);
  }
}
