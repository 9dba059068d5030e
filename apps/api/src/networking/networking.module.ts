import { Module } from '@nestjs/common';
import { NetworkingResolver } from './networking.resolver';
import { NetworkingService } from './networking.service';

@Module({
  providers: [NetworkingService, NetworkingResolver],
})
export class NetworkingModule {}
