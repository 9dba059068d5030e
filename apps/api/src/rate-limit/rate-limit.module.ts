import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '../auth/auth.module';
import type { AppConfig } from '../config/app-config';
import { isLogin, RateLimitGuard } from './rate-limit.guard';

const MINUTE = 60_000;

@Module({
  imports: [
    AuthModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const limits = config.get('limits', { infer: true });
        return {
          throttlers: [
            { name: 'default', ttl: MINUTE, limit: limits.requestsPerMinute },
            { name: 'login', ttl: MINUTE, limit: limits.loginAttemptsPerMinute, skipIf: (context) => !isLogin(context) },
          ],
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
