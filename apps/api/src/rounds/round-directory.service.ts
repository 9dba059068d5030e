import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { assertCanSee } from '../auth/event-access';
import { roundsError, RoundsErrorReason } from './rounds.errors';
import type { RoundEntity } from './round.entity';
import { VISIBLE_TO_ATTENDEES } from './round-lifecycle';
import { RoundsRepository } from './rounds.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finding the rounds of an event: the list (GraphQL `rounds`, `pairwise rounds`) and one round by its id
 * or its name (`pairwise export --round`). Needs only the database, so the CLI uses it without the
 * generation machinery of RoundGenerationService.
 */
@Injectable()
export class RoundDirectory {
  constructor(private readonly rounds: RoundsRepository) {}

  /** In time order; attendees see published rounds only. */
  async list(actor: Actor, eventId: string): Promise<RoundEntity[]> {
    assertCanSee(actor, eventId, 'Event');
    return this.rounds.listForEvent(eventId, actor.kind === 'attendee' ? VISIBLE_TO_ATTENDEES : undefined);
  }

  /**
   * The round of the event with this id, else with exactly this name.
   * @throws NOT_FOUND (reason ROUND_NOT_FOUND) when none; BAD_USER_INPUT (reason AMBIGUOUS_ROUND_NAME) when
   *   several rounds have the name: their ids are in the message, to pass one instead.
   */
  async findByIdOrName(actor: Actor, eventId: string, reference: string): Promise<RoundEntity> {
    const rounds = await this.list(actor, eventId);
    const byId = UUID.test(reference) ? rounds.find((round) => round.id === reference.toLowerCase()) : undefined;
    if (byId) return byId;
    const named = rounds.filter((round) => round.name === reference.trim());
    if (named.length === 1) return named[0]!;
    if (named.length > 1) {
      const list = named.map((round) => `${round.id} (${round.status}, ${round.startsAt.toISOString()})`).join(', ');
      throw roundsError(RoundsErrorReason.AMBIGUOUS_ROUND_NAME, `${named.length} rounds of this event are named "${reference.trim()}": give one of their ids instead: ${list}`);
    }
    throw roundsError(RoundsErrorReason.ROUND_NOT_FOUND, `No round of this event has the id or name "${reference}"`);
  }
}
