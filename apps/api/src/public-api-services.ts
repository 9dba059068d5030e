/**
 * What the CLI runs of the API, loaded by `loadApi()` (public-api.ts) only when a command works on the
 * database. The CLI reaches these through public-api.ts, never this file.
 */
export { AccountsModule } from './accounts/accounts.module';
export { AccountsService } from './accounts/accounts.service';
export { AttendeeEntity } from './attendees/attendee.entity';
export { applyProfileChanges } from './attendees/profile-writer';
export { isAdmin } from './auth/actor';
export { defineErrorReasons, DomainError, forbidden } from './common/domain-error';
export { localDateTime } from './common/local-time';
export { loadConfig } from './config/app-config';
export { dataSourceOptions } from './database/data-source';
export { prepareRuntime } from './database/database-runtime';
export { RepositoriesModule } from './database/repositories.module';
export { EventsModule } from './events/events.module';
export { eventsError, EventsErrorReason } from './events/events.errors';
export { EventsService } from './events/events.service';
export { OddPolicy } from './events/models/event.model';
export { TagVocabulary } from './events/tag-vocabulary';
export { readAttendeeCsv } from './imports/attendee-csv';
export { AttendeeImportService } from './imports/attendee-import.service';
export { decodeCsvBytes, DELIMITER_NAMES, ENCODING_NAMES } from './imports/csv-text';
export { ImportsModule } from './imports/imports.module';
export { InvitationsService } from './mail/invitations.service';
export { MailSender } from './mail/mail-sender';
export { MailCoreModule } from './mail/mail.module';
export { OutboxRepository } from './mail/outbox.repository';
export { MatchingRulesModule } from './matching-rules/matching-rules.module';
export { MatchingRulesService } from './matching-rules/matching-rules.service';
export { ReportsModule } from './reports/reports.module';
export { ReportsService } from './reports/reports.service';
export { RoundDirectory } from './rounds/round-directory.service';
export { AgendaImportService } from './talks/agenda-import.service';
export { AgendaFormat } from './talks/models/agenda-import-report.model';
export { TalksModule } from './talks/talks.module';
