import { Injectable } from '@nestjs/common';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor, AttendeeActor } from '../auth/actor';
import { asAttendee } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { roundsError, RoundsErrorReason } from '../rounds/rounds.errors';
import { networkingError, NetworkingErrorReason } from './networking.errors';
import { NOT_YET_PUBLISHED } from '../rounds/round-lifecycle';
import { NetworkingRepository } from './networking.repository';
import { RoundsRepository, type UpcomingRoundRow } from '../rounds/rounds.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';

/** What staff are told: each use case here acts for the calling attendee. */
const ATTENDEES_ONLY = 'Only attendees can do this for themselves';

/** What attendees say about their own matchmaking: presence, opt-outs, wishes and (private) blocks. */
@Injectable()
export class NetworkingService {
  constructor(
    private readonly networking: NetworkingRepository,
    private readonly rounds: RoundsRepository,
    private readonly attendees: AttendeesRepository,
  ) {}

  async setMyPresence(actor: Actor, present: boolean): Promise<AttendeeEntity> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    await this.attendees.update(me.attendeeId, { present, checkedInAt: present ? new Date() : null });
    return this.attendees.getById(me.attendeeId);
  }

  /** Sit out (or rejoin) one round; only before it is published. */
  async setRoundOptOut(actor: Actor, roundId: string, optOut: boolean): Promise<boolean> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    const round = await this.rounds.findById(roundId);
    if (!round || round.eventId !== me.eventId) throw notFound('Round');
    if (!NOT_YET_PUBLISHED.includes(round.status)) {
      throw roundsError(RoundsErrorReason.ROUND_ALREADY_PUBLISHED, 'This round is already published: ask an organiser');
    }
    await this.networking.setOptOut(roundId, me.attendeeId, optOut);
    return optOut;
  }

  /** The rounds still to be published that the attendee can sit out, with their choice for each. */
  async myUpcomingRounds(actor: Actor): Promise<UpcomingRoundRow[]> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    return this.rounds.upcomingFor(me.eventId, me.attendeeId);
  }

  async setWish(actor: Actor, targetId: string, wish: boolean): Promise<boolean> {
    const me = await this.withTarget(actor, targetId);
    await this.networking.setLink('wish', me.attendeeId, targetId, wish);
    return wish;
  }

  async setBlock(actor: Actor, targetId: string, block: boolean): Promise<boolean> {
    const me = await this.withTarget(actor, targetId);
    await this.networking.setLink('block', me.attendeeId, targetId, block);
    return block;
  }

  async myWishes(actor: Actor): Promise<AttendeeEntity[]> {
    return this.networking.targetsOf('wish', asAttendee(actor, ATTENDEES_ONLY).attendeeId);
  }

  async myBlocks(actor: Actor): Promise<AttendeeEntity[]> {
    return this.networking.targetsOf('block', asAttendee(actor, ATTENDEES_ONLY).attendeeId);
  }

  private async withTarget(actor: Actor, targetId: string): Promise<AttendeeActor> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    if (targetId === me.attendeeId) throw networkingError(NetworkingErrorReason.SELF_TARGET, 'You cannot name yourself', { fields: [{ field: 'attendeeId', message: 'is you' }] });
    const target = await this.attendees.findEventOf(targetId);
    if (!target || target.eventId !== me.eventId) throw notFound('Attendee');
    return me;
  }
}
