import { Global, Module } from '@nestjs/common';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AccessCodesRepository } from '../auth/access-codes.repository';
import { SignInFailuresRepository } from '../auth/sign-in-failures.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { NetworkingRepository } from '../networking/networking.repository';
import { EventsRepository } from '../events/events.repository';
import { RoundNoticesRepository } from '../realtime/round-notices.repository';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { RoundRosterRepository } from '../rounds/round-roster.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { ReportsRepository } from '../reports/reports.repository';
import { TalksRepository } from '../talks/talks.repository';

/**
 * The aggregates' repositories, one instance each for the whole app (and the CLI's context). They
 * hold no state but the DataSource, and every feature may ask any aggregate's repository (a talk
 * checks its event, a round its talks), so they live in one global module rather than in their
 * features' modules, which would then have to import each other in circles. The meetings notices'
 * NOTIFY is here for the same reason: rounds, office hours and meeting requests all send one, and the
 * realtime module that listens sits above rounds.
 */
const REPOSITORIES = [EventsRepository, AttendeesRepository, NetworkingRepository, RoundsRepository, MeetingsRepository, RoundRosterRepository, TalksRepository, AccountsRepository, AccessCodesRepository, SignInFailuresRepository, ReportsRepository, RoundNoticesRepository];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
