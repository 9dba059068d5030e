import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../common/domain-error';
import type { Actor } from './actor';

export const IS_PUBLIC = 'pairwise:isPublic';

/** Marks an operation or route that anonymous callers may use (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthState {
  actor?: Actor;
  /** The session the caller's token belongs to. */
  sessionId?: string;
  /** Why a presented token was refused; only reported when the operation needs a caller. */
  error?: Error;
  /**
   * A verified attendee token whose person has not been looked up yet. The AuthGuard looks them
   * up before any handler runs, except a handler marked @ConfirmsAttendeeItself().
   */
  unconfirmed?: true;
}

export const CONFIRMS_ATTENDEE_ITSELF = 'pairwise:confirmsAttendeeItself';

/**
 * For the hottest attendee query only (`myMeetings`): the handler's own statement checks that the
 * attendee still exists, unerased, in the token's event, and refuses the call otherwise, which
 * saves the guard's round trip. A handler marked so must read @UnconfirmedSession() and pass it on.
 */
export const ConfirmsAttendeeItself = () => SetMetadata(CONFIRMS_ATTENDEE_ITSELF, true);

/**
 * When the caller is an attendee still to be confirmed by this handler (see ConfirmsAttendeeItself):
 * their session, which the handler's statement checks along with the attendee; else undefined.
 */
export const UnconfirmedSession = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const auth = requestOf(context).auth;
  return auth?.unconfirmed ? auth.sessionId : undefined;
});

export interface RequestWithAuth {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  auth?: AuthState;
}

/** The reply of an HTTP route or of a GraphQL operation over HTTP (none over WebSocket). */
export function replyOf(context: ExecutionContext): { header(name: string, value: string): unknown } | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ reply?: { header(name: string, value: string): unknown } }>().reply;
  }
  return context.switchToHttp().getResponse();
}

export function requestOf(context: ExecutionContext): RequestWithAuth {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithAuth }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithAuth>();
}

/** The client's address as the HTTP server sees it (X-Forwarded-For only from trusted proxies, see PAIRWISE_TRUST_PROXY). */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => requestOf(context).ip);

/** The session of the authenticated caller's token (to refresh or end it). */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const sessionId = requestOf(context).auth?.sessionId;
  if (!sessionId) throw unauthenticated();
  return sessionId;
});

/** The authenticated caller; the global AuthGuard has already refused anonymous calls. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).auth?.actor;
  if (!actor) throw unauthenticated();
  return actor;
});
