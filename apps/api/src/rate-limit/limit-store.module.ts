import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { LIMIT_STORE, type LimitStore } from './limit-store';
import { PostgresLimitStore } from './postgres-limit-store';
import { RedisLimitStore } from './redis-limit-store';

/** The one LimitStore of this process: Redis when PAIRWISE_REDIS_URL is set, else PostgreSQL. */
@Module({
  providers: [
    {
      provide: LIMIT_STORE,
      inject: [ConfigService, getDataSourceToken()],
      useFactory: (config: ConfigService<AppConfig, true>, dataSource: DataSource): LimitStore => {
        const redisUrl = config.get('redisUrl', { infer: true });
        return redisUrl ? new RedisLimitStore(redisUrl) : new PostgresLimitStore(dataSource);
      },
    },
  ],
  exports: [LIMIT_STORE],
})
export class LimitStoreModule {}
