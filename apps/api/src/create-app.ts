import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module';
import type { AppConfig } from './config/app-config';
import { createAppLogger } from './logging/app-logger';
import { NestPinoLogger } from './logging/nest-pino-logger';
import { logRequests } from './logging/request-log';
import { serveWebApp } from './web/web-app';

/** Room for a 10,000-line attendee CSV sent through importAttendees; anything larger is refused (413) before parsing. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface CreateAppOptions extends Omit<AppModuleOptions, 'logger'> {
  /** Where log lines go (default stdout); tests read them from here. */
  logDestination?: DestinationStream;
}

/**
 * Builds the HTTP application (not yet listening); main and the e2e tests share it.
 * On Fastify rather than Express: Express's router and body parsing cost ~0.35 ms of CPU per
 * request on our 2-core machine against ~0.05 ms for Fastify's (docs/benchmarks.md), and every
 * attendee fetches `myMeetings` when a round is published.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = createAppLogger(config.log.level, options.logDestination);
  // The request id is Fastify's, so the request line, error lines and the response header agree.
  // Behind a reverse proxy, the client address (rate limits, sign-in throttling) comes from X-Forwarded-For,
  // read only from the proxies PAIRWISE_TRUST_PROXY names: anyone else could write any address there.
  const adapter = new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES, requestIdHeader: false, genReqId: requestId, trustProxy: trustedProxies(config.http.trustProxy) });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  logRequests(fastify, logger);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { typeormLogger: options.typeormLogger, logger }), adapter, { logger: new NestPinoLogger(logger) });
  await serveWebApp(app, config.web.root, logger);
  return app;
}

/** Fastify's trustProxy: a hop count is a function (as Fastify itself turns one), addresses go as they are. */
function trustedProxies(setting: number | string | undefined): string | boolean | ((address: string, hop: number) => boolean) {
  if (setting === undefined) return false;
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** A sane id the client sent (to follow a request across services), else a new one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}
