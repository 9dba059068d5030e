import { Module } from '@nestjs/common';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityResolver } from './availability.resolver';
import { AvailabilityService } from './availability.service';

@Module({
  providers: [AvailabilityRepository, AvailabilityService, AvailabilityResolver],
  exports: [AvailabilityRepository],
})
export class AvailabilityModule {}
