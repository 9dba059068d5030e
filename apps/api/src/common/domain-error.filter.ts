import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError, type ErrorCategory } from './domain-error';

const HTTP_STATUS = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
} as const satisfies Record<ErrorCategory, number>;

/** Fastify's reply, as far as this filter needs it. */
interface HttpReply {
  header(name: string, value: string): HttpReply;
  status(code: number): HttpReply;
  send(body: string): unknown;
}

/**
 * Domain errors on plain HTTP routes (calendar feed, downloads) become a
 * status and a small JSON body with the same stable code as in GraphQL.
 * GraphQL errors are left to the GraphQL error formatter.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() === 'graphql') return error;
    const reply = host.switchToHttp().getResponse<HttpReply>();
    // Explicitly JSON: a route may already have declared another content type (text/calendar, CSV).
    reply
      .status(HTTP_STATUS[error.category])
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ code: error.category, reason: error.reason, message: error.message }));
  }
}
