import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EventsModule } from '../events/events.module';
import { DemoSeederService } from './demo-seeder.service';

/** The demo event seeder; used by `pairwise demo` (no GraphQL operation). */
@Module({
  imports: [EventsModule, AccountsModule],
  providers: [DemoSeederService],
  exports: [DemoSeederService],
})
export class DemoModule {}
