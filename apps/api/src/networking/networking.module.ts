import { Module } from '@nestjs/common';
import { RoundsModule } from '../rounds/rounds.module';
import { NetworkingResolver } from './networking.resolver';
import { NetworkingService } from './networking.service';

@Module({
  imports: [RoundsModule],
  providers: [NetworkingService, NetworkingResolver],
})
export class NetworkingModule {}
