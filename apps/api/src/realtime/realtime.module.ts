import { Module } from '@nestjs/common';
import { RoundsModule } from '../rounds/rounds.module';
import { MeetingNotifier } from './meeting-notifier';
import { MeetingsSubscriptionResolver } from './meetings-subscription.resolver';

@Module({
  imports: [RoundsModule],
  providers: [MeetingNotifier, MeetingsSubscriptionResolver],
})
export class RealtimeModule {}
