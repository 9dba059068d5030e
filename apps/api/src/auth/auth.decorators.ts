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
}

export interface RequestWithAuth {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  auth?: AuthState;
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
