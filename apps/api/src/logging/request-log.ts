import type { FastifyInstance } from 'fastify';
import type { AppLogger } from './app-logger';
import { anonymiseAddress, redactUrl } from './log-redaction';

/**
 * One line per HTTP request when its response is finished (downloads that take over the socket
 * included): its id, method, URL (secret query parameters redacted: the calendar feed's token
 * would open the calendar to whoever reads the log), client network (anonymised), status and
 * time. No headers: they carry tokens and cookies. Health probes are left out; they would drown the rest.
 */
export function logRequests(fastify: FastifyInstance, logger: AppLogger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/health')) {
      const failed = reply.statusCode >= 500;
      logger[failed ? 'error' : 'info'](
        {
          req: { id: request.id, method: request.method, url: redactUrl(request.url), remoteAddress: anonymiseAddress(request.ip) },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        failed ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}
