import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import type { AppConfig } from './config/app-config';

/** Room for a 10,000-line attendee CSV sent through importAttendees; anything larger is refused (413) before parsing. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Builds the HTTP application (not yet listening); main and the e2e tests share it.
 * On Fastify rather than Express: Express's router and body parsing cost ~0.35 ms of CPU per
 * request on our 2-core machine against ~0.05 ms for Fastify's (docs/benchmarks.md), and every
 * attendee fetches `myMeetings` when a round is published.
 */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  // The request id is Fastify's, so request log lines (pino-http reuses it) and the response header agree.
  const adapter = new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES, requestIdHeader: false, genReqId: requestId });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}

/** A sane id the client sent (to follow a request across services), else a new one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}
