import { Module } from '@nestjs/common';
import { CheckInResolver } from './check-in.resolver';
import { CheckInService } from './check-in.service';

@Module({ providers: [CheckInService, CheckInResolver] })
export class CheckInModule {}
