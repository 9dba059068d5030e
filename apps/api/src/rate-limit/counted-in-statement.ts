import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { LimitCount } from './limit-store';

export const COUNTS_LIMIT_IN_STATEMENT = 'pairwise:countsLimitInStatement';

/**
 * For the hottest attendee query only (`myMeetings`, which every attendee asks for when a round is
 * published): when the limits are counted in PostgreSQL, the rate-limit guard does not count an attendee's
 * call itself but hands the hit to the handler, whose own statement counts it (countHitsSql, in the same
 * statement that reads the answer) — one round trip instead of two, the count as exact and as shared across
 * processes as the guard's. The handler must read @CountedInStatement() and settle the hit before it answers.
 */
export const CountsLimitInStatement = () => SetMetadata(COUNTS_LIMIT_IN_STATEMENT, true);

/** A hit the handler's statement counts, with the throttler's window, limit and block (ms). */
export interface LimitHit {
  key: string;
  ttl: number;
  limit: number;
  blockDuration: number;
}

/** A hit the guard left to the handler, and what the guard would have done with its count. */
export interface DeferredLimitHit {
  hit: LimitHit;
  /** Answers the count as the guard does: the rate-limit headers, or the TOO_MANY_REQUESTS refusal (throws). */
  settle(count: LimitCount): Promise<void>;
  /** Counts the hit on its own (when the handler's statement did not run). */
  countAlone(): Promise<LimitCount>;
}

/** By the field's resolve info: one per root field, so two aliased calls in one document keep theirs apart. */
const deferred = new WeakMap<object, DeferredLimitHit>();

export function deferLimitHit(context: ExecutionContext, hit: DeferredLimitHit): void {
  deferred.set(GqlExecutionContext.create(context).getInfo(), hit);
}

/** The hit the guard left to this handler (see CountsLimitInStatement); undefined when the guard counted it. */
export const CountedInStatement = createParamDecorator((_: unknown, context: ExecutionContext): DeferredLimitHit | undefined => {
  if (context.getType<string>() !== 'graphql') return undefined;
  return deferred.get(GqlExecutionContext.create(context).getInfo());
});
