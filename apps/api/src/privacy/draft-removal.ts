import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { refreshStats } from '../rounds/round-adjustments.service';
import { RoundRosterRepository } from '../rounds/round-roster.repository';
import { RoundsRepository } from '../rounds/rounds.repository';

/**
 * Takes an attendee out of every round not yet published: their seat is
 * removed; a table left with one person is dissolved (that person sits out);
 * the draft's statistics are recomputed. Published rounds keep their history.
 */
@Injectable()
export class DraftRemoval {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly rosters: RoundRosterRepository,
  ) {}

  /** Inside the caller's transaction, which has already withdrawn or erased the attendee. */
  async removeFromDrafts(manager: EntityManager, attendeeId: string): Promise<void> {
    const drafts = await this.meetings.draftSeatsOf(attendeeId, manager);
    for (const { round_id: roundId, meeting_id: meetingId } of drafts) {
      await this.meetings.unseatFromDraft(meetingId, attendeeId, manager);
      const round = await this.rounds.getById(roundId, manager);
      if (round.status !== 'GENERATED') continue;
      // Read inside the transaction: it already sees the attendee as withdrawn or erased.
      const roster = await this.rosters.load(round.eventId, round.id, manager);
      await this.rounds.updateStats(round.id, await refreshStats(this.meetings, manager, round, roster), manager);
    }
  }
}
