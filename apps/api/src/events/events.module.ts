import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';

@Module({
  imports: [AccountsModule],
  providers: [EventsService, EventsResolver],
  exports: [EventsService],
})
export class EventsModule {}
