import { Module } from '@nestjs/common';
import { loadApi } from '../../../api/src/public-api';
import { DemoSeederService } from './demo-seeder.service';

const { AccountsModule, EventsModule } = loadApi();

/** The demo event seeder; used by `pairwise demo` (no GraphQL operation). */
@Module({
  imports: [EventsModule, AccountsModule],
  providers: [DemoSeederService],
  exports: [DemoSeederService],
})
export class DemoModule {}
