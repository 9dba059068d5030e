import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { toAttendeeModel } from '../attendees/attendee-view';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { CheckInService } from './check-in.service';
import { CheckInCode, CheckInResult } from './models/check-in.model';

@Resolver()
export class CheckInResolver {
  constructor(private readonly checkInService: CheckInService) {}

  @Query(() => CheckInCode, { description: 'Attendees: your signed check-in code, to show as a QR code at the venue’s desk' })
  myCheckInCode(@CurrentActor() actor: Actor): Promise<CheckInCode> {
    return this.checkInService.myCode(actor);
  }

  @Mutation(() => CheckInResult, {
    description: 'Organisers: check in the attendee whose code was scanned or typed at this event’s desk (marks them present; twice changes nothing)',
  })
  async checkIn(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }) eventId: string, @Args('code') code: string): Promise<CheckInResult> {
    const { attendee, alreadyPresent } = await this.checkInService.checkIn(actor, eventId, code);
    return { attendee: toAttendeeModel(attendee, 'full'), alreadyPresent, checkedInAt: attendee.checkedInAt! };
  }
}
