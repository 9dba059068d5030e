import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor } from '../auth/actor';
import { asAttendee, assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { checkInError, CheckInErrorReason } from './check-in.errors';
import { CheckInCodes } from './check-in-code';
import { AttendeesRepository } from '../attendees/attendees.repository';

export interface CheckedIn {
  attendee: AttendeeEntity;
  alreadyPresent: boolean;
}

/**
 * Check-in at the venue by QR code: each attendee has a signed code (check-in-code.ts); the event's
 * organisers' phones read it (checkIn) and mark them present, once — scanning twice changes nothing.
 */
@Injectable()
export class CheckInService {
  private readonly codes: CheckInCodes;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    this.codes = new CheckInCodes(config.get('auth', { infer: true }).jwtSecret);
  }

  async myCode(actor: Actor): Promise<{ eventId: string; code: string; qrRows: string[] }> {
    const me = asAttendee(actor, 'Only attendees have a check-in code');
    const code = this.codes.codeFor(me.eventId, me.attendeeId);
    // Encoded here, not in the phone: the encoder would not fit the attendee pages' JavaScript budget.
    // `qr` is an ES module: imported when first needed (this file compiles to CommonJS).
    const { encodeQR } = await import('qr');
    const rows = encodeQR(code, 'raw', { ecc: 'medium', border: 2 }).map((row) => row.map((dark) => (dark ? '1' : '0')).join(''));
    return { eventId: me.eventId, code, qrRows: rows };
  }

  async checkIn(actor: Actor, eventId: string, code: string): Promise<CheckedIn> {
    assertCanManage(actor, eventId);
    const attendeeId = this.codes.attendeeIdOf(code);
    if (!attendeeId) throw invalid();
    const attendee = await this.attendees.findById(attendeeId);
    // A code naming nobody is as forged as a wrong signature: nothing says whether such a person exists.
    if (!attendee || attendee.erasedAt) throw invalid();
    if (attendee.eventId !== eventId) {
      if (this.codes.isSignedFor(code, attendee.eventId, attendee.id)) {
        throw checkInError(CheckInErrorReason.CHECK_IN_OTHER_EVENT, 'This code is for another event: this person is not registered here');
      }
      throw invalid();
    }
    if (!this.codes.isSignedFor(code, eventId, attendee.id)) throw invalid();
    // Present once: the first check-in's time stays.
    const alreadyPresent = await this.attendees.checkIn(attendee.id);
    if (alreadyPresent === null) throw notFound('Attendee');
    return { attendee: await this.attendees.getById(attendee.id), alreadyPresent };
  }
}

const invalid = () => checkInError(CheckInErrorReason.CHECK_IN_CODE_INVALID, 'This is not a valid check-in code (mistyped, or not from Pairwise)');
