import { ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler/dist/throttler.guard.interface';
import { replyOf, requestOf, type RequestWithAuth } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { tooManyRequests } from '../common/domain-error';
import { keyedHasher } from '../common/keyed-hash';
import type { AppConfig } from '../config/app-config';
import { COUNTS_LIMIT_IN_STATEMENT, deferLimitHit } from './counted-in-statement';
import type { LimitCount, LimitStore } from './limit-store';
import { PostgresLimitStore } from './postgres-limit-store';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Rate limits per person, not per address: a signed-in caller is counted by
 * their account or attendee id (500 attendees behind one venue Wi-Fi address
 * are not throttled together); anonymous callers by address; sign-in
 * attempts by email and address. Counted once per operation, not per field.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly hashKey: (key: string) => string;
  /** Whether a handler's own PostgreSQL statement may count its hit (see CountsLimitInStatement): only when the limits are counted there. */
  private readonly countsInPostgres: boolean;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly authService: AuthService,
    config: ConfigService<AppConfig, true>,
  ) {
    super(options, storage, reflector);
    this.hashKey = keyedHasher(config.get('auth', { infer: true }).jwtSecret, 'pairwise:rate-limit');
    this.countsInPostgres = storage instanceof PostgresLimitStore;
  }

  /**
   * An attendee's call to a handler marked CountsLimitInStatement is not counted here: its hit goes to the
   * handler, whose statement counts it, and the handler settles it as `settle` does (exactly what the
   * throttler does after its own count). Every other call is counted here, as before.
   */
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { context, throttler, ttl, limit, blockDuration } = request;
    if (!this.countsInPostgres || context.getType<string>() !== 'graphql' || !this.reflector.get<boolean>(COUNTS_LIMIT_IN_STATEMENT, context.getHandler())) {
      return super.handleRequest(request);
    }
    const { req, res } = this.getRequestResponse(context);
    const tracker = await request.getTracker(req, context);
    if (!tracker.startsWith('attendee:')) return super.handleRequest(request);
    const key = request.generateKey(context, tracker, throttler.name!);
    deferLimitHit(context, {
      hit: { key, ttl, limit, blockDuration },
      settle: (count) => this.settle(request, res, key, tracker, count),
      countAlone: () => (this.storageService as LimitStore).increment(key, ttl, limit, blockDuration, throttler.name!),
    });
    return true;
  }

  /** What ThrottlerGuard.handleRequest does with a count (@nestjs/throttler 6): the refusal, or the rate-limit headers. */
  private async settle(request: ThrottlerRequest, res: Record<string, unknown>, key: string, tracker: string, count: LimitCount): Promise<void> {
    const { context, throttler, ttl, limit } = request;
    const suffix = throttler.name === 'default' ? '' : `-${throttler.name}`;
    const setHeaders = throttler.setHeaders ?? this.commonOptions.setHeaders ?? true;
    if (count.isBlocked) {
      if (setHeaders) this.setResponseHeader(res, `Retry-After${suffix}`, count.timeToBlockExpire);
      await this.throwThrottlingException(context, { limit, ttl, key, tracker, ...count });
    }
    if (setHeaders) {
      this.setResponseHeader(res, `${this.headerPrefix}-Limit${suffix}`, limit);
      this.setResponseHeader(res, `${this.headerPrefix}-Remaining${suffix}`, Math.max(0, limit - count.totalHits));
      this.setResponseHeader(res, `${this.headerPrefix}-Reset${suffix}`, count.timeToExpire);
    }
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return false;
    return !ROOT_TYPES.has(GqlExecutionContext.create(context).getInfo().parentType.name);
  }

  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, unknown>; res: Record<string, unknown> } {
    return { req: requestOf(context) as unknown as Record<string, unknown>, res: (replyOf(context) ?? {}) as Record<string, unknown> };
  }

  protected override setResponseHeader(res: Record<string, unknown>, name: string, value: string | number): void {
    if (typeof res.header === 'function') (res.header as (n: string, v: string) => void)(name, String(value));
  }

  protected override async getTracker(req: Record<string, unknown>, context?: ExecutionContext): Promise<string> {
    const request = req as unknown as RequestWithAuth;
    const address = request.ip ?? 'unknown';
    if (context && isLogin(context)) {
      const email = String(GqlExecutionContext.create(context).getArgs<{ input?: { email?: string } }>().input?.email ?? '').trim().toLowerCase();
      return `login:${email}:${address}`;
    }
    request.auth ??= await this.authService.authenticate(request.headers.authorization);
    const actor = request.auth.actor;
    if (!actor) return `ip:${address}`;
    return actor.kind === 'attendee' ? `attendee:${actor.attendeeId}` : `account:${actor.accountId}`;
  }

  /**
   * The operation, the limit and the caller, as a keyed hash: the store is shared (PostgreSQL or Redis) and
   * a sign-in's caller is an email and an address, which it must not hold in clear.
   */
  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return this.hashKey(`${throttlerName}:${context.getClass().name}.${context.getHandler().name}:${tracker}`);
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The store answers in seconds (as the throttler's own storage does).
    const seconds = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    throw tooManyRequests(`Too many requests: try again in ${seconds} s`);
  }
}

/** Operations that sign in or lead to signing in share the sign-in throttle (per email and address). */
const SIGN_IN_OPERATIONS = new Set(['login', 'requestSignInLink', 'signInWithLink']);

export function isLogin(context: ExecutionContext): boolean {
  return context.getType<string>() === 'graphql' && SIGN_IN_OPERATIONS.has(GqlExecutionContext.create(context).getInfo().fieldName);
}
