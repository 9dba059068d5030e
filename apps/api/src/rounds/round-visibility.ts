import type { Actor } from '../auth/actor';
import { canSeeEvent } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import type { RoundEntity } from './round.entity';
import { VISIBLE_TO_ATTENDEES, type RoundStatusValue } from './round-lifecycle';
import type { RoundsRepository } from './rounds.repository';

/**
 * Who may see a round at all: the staff of its event, and its event's attendees once it is
 * published. Anyone else is told NOT_FOUND, in the words an unknown round id gets, so neither
 * another event's round nor a draft is known to exist (docs/security.md, "Refusals"). Changing a
 * round one may see is then assertCanManage's FORBIDDEN.
 */
export function assertCanSeeRound(actor: Actor, round: { eventId: string; status: RoundStatusValue }): void {
  if (!canSeeRound(actor, round)) throw notFound('Round');
}

export function canSeeRound(actor: Actor, round: { eventId: string; status: RoundStatusValue }): boolean {
  return canSeeEvent(actor, round.eventId) && (actor.kind !== 'attendee' || VISIBLE_TO_ATTENDEES.includes(round.status));
}

/** The round, when the actor may see it; NOT_FOUND otherwise, as for an unknown id. */
export async function findVisibleRound(rounds: RoundsRepository, actor: Actor, roundId: string): Promise<RoundEntity> {
  const round = await rounds.findById(roundId);
  if (!round) throw notFound('Round');
  assertCanSeeRound(actor, round);
  return round;
}
