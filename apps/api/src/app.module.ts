import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AttendeesModule } from './attendees/attendees.module';
import { AuthModule } from './auth/auth.module';
import { AvailabilityModule } from './availability/availability.module';
import { CalendarModule } from './calendar/calendar.module';
import { CheckInModule } from './check-in/check-in.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { EventsModule } from './events/events.module';
import { RepositoriesModule } from './database/repositories.module';
import { PairwiseGraphqlModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { createAppLogger, type AppLogger } from './logging/app-logger';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { MatchingRulesModule } from './matching-rules/matching-rules.module';
import { NetworkingModule } from './networking/networking.module';
import { MeetingRequestsModule } from './meeting-requests/meeting-requests.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ReportsModule } from './reports/reports.module';
import { OfficeHoursModule } from './office-hours/office-hours.module';
import { RoundsModule } from './rounds/rounds.module';
import { MyScheduleModule } from './schedule/schedule.module';
import { TalksModule } from './talks/talks.module';

export interface AppModuleOptions {
  /** Sees every SQL statement (tests count queries with it). */
  typeormLogger?: TypeOrmLogger;
  /** The process's root logger (default: JSON lines on stdout at the configured level). */
  logger?: AppLogger;
}

@Module({})
export class AppModule {
  /** The whole API for a resolved configuration (see prepareRuntime): the same in main, the CLI and tests. */
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    if (!config.databaseUrl) throw new Error('AppModule needs a resolved databaseUrl (see prepareRuntime)');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        LoggingModule.forRoot(options.logger ?? createAppLogger(config.log.level)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, {
            // A runaway query is cut off instead of holding a connection (and the pool) hostage.
            extra: { max: config.limits.databasePoolSize, application_name: 'pairwise', statement_timeout: config.limits.statementTimeoutMs },
          }),
          ...(options.typeormLogger ? { logger: options.typeormLogger, logging: ['query'] } : {}),
        }),
        RepositoriesModule,
        PairwiseGraphqlModule,
        HealthModule,
        AuthModule,
        RateLimitModule,
        AccountsModule,
        EventsModule,
        AttendeesModule,
        ImportsModule,
        RoundsModule,
        MatchingRulesModule,
        NetworkingModule,
        MeetingRequestsModule,
        RealtimeModule,
        CalendarModule,
        TalksModule,
        AvailabilityModule,
        MyScheduleModule,
        OfficeHoursModule,
        CheckInModule,
        PrivacyModule,
        ScheduleModule.forRoot({ cronJobs: config.scheduledJobs }),
        ReportsModule,
        MailModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
