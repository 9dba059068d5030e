import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '../auth/auth.module';
import type { AppConfig } from '../config/app-config';
import { LIMIT_STORE, type LimitStore } from './limit-store';
import { LimitStoreModule } from './limit-store.module';
import { isLogin, RateLimitGuard } from './rate-limit.guard';

const MINUTE = 60_000;

@Module({
  imports: [
    AuthModule,
    ThrottlerModule.forRootAsync({
      imports: [LimitStoreModule],
      inject: [ConfigService, LIMIT_STORE],
      useFactory: (config: ConfigService<AppConfig, true>, store: LimitStore) => {
        const limits = config.get('limits', { infer: true });
        return {
          // Counted where every API process counts (PostgreSQL or Redis), not in this process's memory.
          storage: store,
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
