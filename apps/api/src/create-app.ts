import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import type { AppConfig } from './config/app-config';

/** Builds the HTTP application (not yet listening); main and the e2e tests share it. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Room for a 10,000-line attendee CSV sent through importAttendees; anything larger is refused before parsing.
  app.useBodyParser('json', { limit: '10mb' });
  return app;
}
