/**
 * The API's one entry for the CLI: apps/cli imports nothing else of apps/api (lint enforces it).
 *
 * Loading this file costs two small modules, so `pairwise --help` and the offline commands (match,
 * score, plan) can read what they need from here without Nest, TypeORM or pg (about a second on
 * two cores: docs/benchmarks.md, CLI start-up). The services come from `loadApi()`, which a command
 * that works on the database calls when it runs.
 */
export { pinBuild } from './common/build-pin';
export { REPORT_FORMATS, type ReportFormat } from './reports/report-format';

export type { ShareableField } from './attendees/attendee.entity';
export type { ProfileChanges } from './attendees/profile-writer';
export type { Actor } from './auth/actor';
export type { ReasonOf } from './common/domain-error';
export type { AppConfig } from './config/app-config';
export type { ImportReport, NotMatchableReason } from './imports/attendee-import.service';
export type { CsvEncoding } from './imports/csv-text';
export type { ExportResult } from './reports/reports.service';
export type { AgendaImportReport } from './talks/models/agenda-import-report.model';

/** The API's modules and services, as the CLI uses them (public-api-services.ts). */
export type Api = typeof import('./public-api-services');

/** Loads the API (Nest, TypeORM, pg and the modules the CLI runs) on first call; later calls return the same modules. */
export function loadApi(): Api {
  return require('./public-api-services') as Api;
}
