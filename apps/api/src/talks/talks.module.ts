import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AgendaImportResolver } from './agenda-import.resolver';
import { AgendaImportService } from './agenda-import.service';
import { TalksResolver } from './talks.resolver';
import { TalksService } from './talks.service';

@Module({
  imports: [EventsModule],
  providers: [TalksService, TalksResolver, AgendaImportService, AgendaImportResolver],
  exports: [AgendaImportService, TalksService],
})
export class TalksModule {}
