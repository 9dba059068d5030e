import { type DynamicModule, Module } from '@nestjs/common';
import { APP_LOGGER, type AppLogger } from './app-logger';

/** Makes the process's root logger injectable everywhere (`@Inject(APP_LOGGER)`). */
@Module({})
export class LoggingModule {
  static forRoot(logger: AppLogger): DynamicModule {
    return { module: LoggingModule, global: true, providers: [{ provide: APP_LOGGER, useValue: logger }], exports: [APP_LOGGER] };
  }
}
