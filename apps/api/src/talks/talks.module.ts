import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { EventsModule } from '../events/events.module';
import { AgendaImportResolver } from './agenda-import.resolver';
import { AgendaImportService } from './agenda-import.service';
import { TalksResolver } from './talks.resolver';
import { TalksRepository } from './talks.repository';
import { TalksService } from './talks.service';

@Module({
  imports: [EventsModule, AvailabilityModule],
  providers: [TalksService, TalksRepository, TalksResolver, AgendaImportService, AgendaImportResolver],
  exports: [AgendaImportService, TalksRepository],
})
export class TalksModule {}
