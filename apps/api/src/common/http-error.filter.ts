import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { APP_LOGGER, type AppLogger } from '../logging/app-logger';
import { DomainError, INTERNAL_ERROR_MESSAGE, type ErrorCategory } from './domain-error';

const HTTP_STATUS = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
} as const satisfies Record<ErrorCategory, number>;

/** Fastify's reply and request, as far as this filter needs them. */
interface HttpReply {
  sent: boolean;
  header(name: string, value: string): HttpReply;
  status(code: number): HttpReply;
  send(body: string): unknown;
}

/**
 * Errors on plain HTTP routes (calendar feed, downloads): a domain error becomes a status and a
 * small JSON body with the same stable code as in GraphQL; anything unexpected becomes a 500
 * with a generic message and is logged in full with the request's id. GraphQL errors are left
 * to the GraphQL error formatter and its logging.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(APP_LOGGER) private readonly logger: AppLogger) {}

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return error;
    const http = host.switchToHttp();
    const reply = http.getResponse<HttpReply>();
    if (error instanceof DomainError) return this.answer(reply, HTTP_STATUS[error.category], { code: error.category, reason: error.reason, message: error.message });
    // Nest's own (an unknown route's 404): its usual body, as Nest's default filter sends it.
    if (error instanceof HttpException) {
      const body = error.getResponse();
      return this.answer(reply, error.getStatus(), typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : (body as Record<string, unknown>));
    }
    this.logger.error({ reqId: http.getRequest<{ id?: string }>().id, err: error }, 'Unexpected error on an HTTP route');
    return this.answer(reply, 500, { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE });
  }

  private answer(reply: HttpReply, status: number, body: Record<string, unknown>): void {
    // A download that already started streaming cannot change its status; it is cut off instead.
    if (reply.sent) return;
    // Explicitly JSON: a route may already have declared another content type (text/calendar, CSV).
    reply.status(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  }
}
