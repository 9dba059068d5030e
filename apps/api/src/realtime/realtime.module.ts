import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RoundsModule } from '../rounds/rounds.module';
import { MeetingNotifier } from './meeting-notifier';
import { MeetingsSubscriptionResolver } from './meetings-subscription.resolver';

@Module({
  imports: [AuthModule, RoundsModule],
  providers: [MeetingNotifier, MeetingsSubscriptionResolver],
})
export class RealtimeModule {}
