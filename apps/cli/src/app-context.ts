import { DynamicModule, INestApplicationContext, Module, type LoggerService, type LogLevel } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { loadApi, type Actor, type AppConfig } from '../../api/src/public-api';
import { DemoModule } from './demo/demo.module';

const { dataSourceOptions, EventsModule, ImportsModule, loadConfig, MailCoreModule, MatchingRulesModule, prepareRuntime, ReportsModule, RepositoriesModule, RoundDirectory, TalksModule } = loadApi();

/**
 * Whoever runs the CLI on the server holds the database itself, so CLI
 * commands act with admin rights (the same services, the same rules).
 */
export const OPERATOR: Actor = { kind: 'account', accountId: 'cli-operator', isAdmin: true, organiserOf: new Set() };

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl!)),
        RepositoriesModule,
        EventsModule,
        ImportsModule,
        DemoModule,
        ReportsModule,
        MailCoreModule,
        TalksModule,
        MatchingRulesModule,
      ],
      // Finding rounds needs only the database: not RoundsModule, whose generation machinery a CLI has no use for.
      providers: [RoundDirectory],
    };
  }
}

/**
 * Runs `work` with the API's services on the same database the API uses:
 * DATABASE_URL, else the embedded PostgreSQL of PAIRWISE_DATA_DIR (joined
 * when `npm start` already runs it, started for the command otherwise).
 */
export async function withAppContext<T>(work: (context: INestApplicationContext) => Promise<T>, logger: LoggerService | LogLevel[] = ['error']): Promise<T> {
  const runtime = await prepareRuntime(loadConfig(), () => undefined);
  try {
    const context = await NestFactory.createApplicationContext(CliModule.forRoot(runtime.config), { logger });
    try {
      return await work(context);
    } finally {
      await context.close();
    }
  } finally {
    await runtime.stop();
  }
}
