import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AgendaImportResolver } from './agenda-import.resolver';
import { AgendaImportService } from './agenda-import.service';
import { TalksResolver } from './talks.resolver';
import { TalksRepository } from './talks.repository';
import { TalksService } from './talks.service';

@Module({
  imports: [EventsModule],
  providers: [TalksService, TalksRepository, TalksResolver, AgendaImportService, AgendaImportResolver],
  exports: [AgendaImportService, TalksRepository, TalksService],
})
export class TalksModule {}
