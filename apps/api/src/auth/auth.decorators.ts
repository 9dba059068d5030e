import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../common/domain-error';
import type { Actor } from './actor';

export const IS_PUBLIC = 'pairwise:isPublic';

/** Marks an operation or route that anonymous callers may use (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthState {
  actor?: Actor;
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
 * saves the guard's round trip. A handler marked so must read @CallerUnconfirmed() and pass it on.
 */
export const ConfirmsAttendeeItself = () => SetMetadata(CONFIRMS_ATTENDEE_ITSELF, true);

/** True when the caller is an attendee still to be confirmed by this handler (see ConfirmsAttendeeItself). */
export const CallerUnconfirmed = createParamDecorator((_: unknown, context: ExecutionContext): boolean => requestOf(context).auth?.unconfirmed === true);

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

/** The authenticated caller; the global AuthGuard has already refused anonymous calls. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).auth?.actor;
  if (!actor) throw unauthenticated();
  return actor;
});
