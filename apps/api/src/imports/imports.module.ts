import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AttendeeImportService } from './attendee-import.service';
import { ImportsResolver } from './imports.resolver';

@Module({
  imports: [EventsModule],
  providers: [AttendeeImportService, ImportsResolver],
  exports: [AttendeeImportService],
})
export class ImportsModule {}
