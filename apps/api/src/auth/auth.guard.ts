import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { unauthenticated } from '../common/domain-error';
import { CONFIRMS_ATTENDEE_ITSELF, IS_PUBLIC, requestOf } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Global guard: every query, mutation, field resolver and route needs a valid
 * token unless marked @Public(). The token is checked once per request and
 * the resulting actor cached on it, so field resolvers cost nothing extra.
 * An attendee's person is looked up here too, unless the handler does it in
 * its own statement (@ConfirmsAttendeeItself).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authService: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    request.auth ??= await this.authService.authenticate(request.headers.authorization);
    if (request.auth.unconfirmed && !this.reflector.get<boolean>(CONFIRMS_ATTENDEE_ITSELF, context.getHandler())) {
      request.auth = await this.authService.confirm(request.auth);
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (request.auth.error) throw request.auth.error;
    if (!request.auth.actor) throw unauthenticated();
    return true;
  }
}
