import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeesRepository, type AttendeeDirectoryEntry } from '../attendees/attendees.repository';
import { TalksRepository } from './talks.repository';
import { normaliseEmail } from '../attendees/profile-writer';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/domain-error';
import { talksError, TalksErrorReason } from './talks.errors';
import { instantOnWallClock } from '../common/local-time';
import { outsideEventDays } from '../events/event-days';
import { EventEntity } from '../events/event.entity';
import { assertCanManage } from '../auth/event-access';
import { EventsService } from '../events/events.service';
import type { TagVocabulary } from '../events/tag-vocabulary';
import { readAgendaCsv } from './agenda-csv';
import { readSessionizeAgenda } from './agenda-sessionize';
import { SOURCE_PREFIX, type AgendaFile, type AgendaSession, type AgendaSpeaker, type AgendaTime } from './agenda-source';
import { AgendaFormat, type AgendaImportReport, type AgendaSessionProblem, type UnmatchedSpeaker } from './models/agenda-import-report.model';
import { decodeBase64File, decodeCsvBytes, type CsvEncoding } from '../imports/csv-text';
import { TalkEntity } from './talk.entity';
import { slotWindow } from './talks.service';
import { EventsRepository } from '../events/events.repository';

/** What createTalk allows for a talk's length, in minutes. */
const DURATION = { min: 5, max: 240 } as const;
/** Office hours of a talk created by an import: none until the organiser offers them (updateTalk / createTalk's defaults for the length). */
const NEW_TALK_SLOTS = { slotCount: 0, slotMinutes: 5 } as const;

class DryRunDone extends Error {}

/** An agenda file as sent through GraphQL: exactly one of its text and its bytes in base64. */
export interface AgendaUpload {
  file?: string | null;
  fileBase64?: string | null;
}

function readUpload({ file, fileBase64 }: AgendaUpload): { text: string; encoding: CsvEncoding | null } {
  if ((file == null) === (fileBase64 == null)) {
    throw talksError(TalksErrorReason.AGENDA_ONE_SOURCE, 'Send the file once: as text in file, or as its bytes in fileBase64 (one of the two)', {
      fields: [{ field: file == null ? 'file' : 'fileBase64', message: file == null ? 'file or fileBase64 is required' : 'give file or fileBase64, not both' }],
    });
  }
  return file != null ? { text: file, encoding: null } : decodeCsvBytes(decodeBase64File(fileBase64!, 'fileBase64'));
}

/** The attendees a speaker can be: by email, and by name where the name is one person's. */
interface SpeakerDirectory {
  byEmail: Map<string, AttendeeDirectoryEntry>;
  byName: Map<string, AttendeeDirectoryEntry[]>;
}

/** Names compared as people write them: case, accents and spacing aside. */
const nameKey = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Imports an event's agenda — talks with their speaker (an attendee), room, start, length and tags —
 * from a Sessionize "All data" export or a CSV. Keyed by the session's id in the source, so importing
 * the same file again updates the talks and never adds one twice. Speakers are attendees: matched by
 * email, else by a name that is exactly one attendee's (Sessionize's public export has no emails);
 * a speaker who matches nobody is reported, never created (an attendee needs an email, and inventing
 * people would put them in rounds), and their session waits unless a co-speaker is an attendee.
 */
@Injectable()
export class AgendaImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly eventsService: EventsService,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly talks: TalksRepository,
  ) {}

  /** Reads a file's text as the format says (or, without one, JSON when it starts with `{`, else CSV). */
  static async read(text: string, format?: AgendaFormat | null): Promise<AgendaFile> {
    const chosen = format ?? (text.trimStart().startsWith('{') ? AgendaFormat.SESSIONIZE_JSON : AgendaFormat.CSV);
    return chosen === AgendaFormat.SESSIONIZE_JSON ? readSessionizeAgenda(text) : readAgendaCsv(text);
  }

  /**
   * The file as importAgenda receives it: its text, or its bytes in base64 (read as `pairwise agenda
   * import` reads a file on disk). The caller is checked before a byte of it is read. A dry run does the
   * whole import and rolls it back.
   */
  async importUpload(actor: Actor, eventId: string, upload: AgendaUpload, format: AgendaFormat | null | undefined, dryRun: boolean): Promise<AgendaImportReport> {
    const event = await this.managedEvent(actor, eventId);
    const { text, encoding } = readUpload(upload);
    return { ...(await this.importFile(event, await AgendaImportService.read(text, format), dryRun)), encoding };
  }

  /** For the CLI, which reads (and decodes) the file itself. */
  async import(actor: Actor, eventId: string, file: AgendaFile, dryRun = false): Promise<AgendaImportReport> {
    return this.importFile(await this.managedEvent(actor, eventId), file, dryRun);
  }

  private async managedEvent(actor: Actor, eventId: string): Promise<EventEntity> {
    const event = await this.eventsService.find(actor, { id: eventId });
    assertCanManage(actor, event.id);
    return event;
  }

  private async importFile(event: EventEntity, file: AgendaFile, dryRun: boolean): Promise<AgendaImportReport> {
    if (file.sessions.length + file.rejected.length + file.skipped.length === 0) throw talksError(TalksErrorReason.AGENDA_EMPTY, 'The agenda file has no session');
    const report: AgendaImportReport = {
      dryRun,
      encoding: null,
      format: AgendaFormat[file.format],
      sessions: file.sessions.length + file.rejected.length + file.skipped.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: file.rejected.map(problem),
      skipped: file.skipped.map(problem),
      unmatchedSpeakers: [],
      notes: [],
      unknownTags: [],
      ignoredCategories: [],
      ignoredColumns: file.ignoredColumns,
    };
    const writing = this.dataSource.transaction(async (manager) => {
      // One import of an event's agenda at a time (a second waits, then finds the talks the first wrote);
      // the event's row is share-locked so its days and time zone cannot change under the checks.
      await this.talks.lockAgendaImport(event.id, manager);
      const current = await this.events.lockById(event.id, 'share', manager);
      if (!current) throw notFound('Event');
      const vocabulary = await this.eventsService.vocabulary(current.id, manager);
      const directory = speakerDirectory(await this.attendees.directoryOf(current.id, manager));
      const prefix = SOURCE_PREFIX[file.format];
      const existing = new Map(
        (await this.talks.findByExternalIds(current.id, file.sessions.map((s) => `${prefix}:${s.sourceId}`), manager)).map((t) => [t.externalId!, t]),
      );
      const unmatched = new Map<string, UnmatchedSpeaker>();
      const unknownTags = new Set<string>();
      const ignoredCategories = new Set<string>();
      const seen = new Map<string, string>();
      for (const session of file.sessions) {
        const reject = (reason: string) => report.rejected.push({ where: session.where, sessionId: session.sourceId, title: session.title, reason });
        const earlier = seen.get(session.sourceId);
        if (earlier) {
          reject(`the same id as ${earlier}`);
          continue;
        }
        seen.set(session.sourceId, session.where);
        const times = resolveTimes(session, current.timeZone);
        if (typeof times === 'string') {
          reject(times);
          continue;
        }
        const speaker = pickSpeaker(session, directory, unmatched, report.notes);
        if (!speaker) {
          reject(`no speaker is an attendee of the event (${session.speakers.map((s) => s.email ?? s.name).join(', ')}): import them as attendees first, or see unmatchedSpeakers`);
          continue;
        }
        const tags = topicTags(session.tags, vocabulary, file.tagsFromVocabularyOnly, unknownTags, ignoredCategories);
        const key = `${prefix}:${session.sourceId}`;
        const before = existing.get(key);
        const next = { title: session.title, speakerId: speaker.id, startsAt: times.startsAt, durationMinutes: times.durationMinutes, room: session.room, tags };
        // The talk and the office hours after it stay within the event's days (createTalk's rule).
        const slots = before ?? NEW_TALK_SLOTS;
        const endsAt = slots.slotCount > 0 ? slotWindow({ ...next, slotMinutes: slots.slotMinutes }, slots.slotCount - 1).endsAt : new Date(next.startsAt.getTime() + next.durationMinutes * 60_000);
        const outside = outsideEventDays(current, next.startsAt, endsAt);
        if (outside) {
          reject(`this talk${slots.slotCount > 0 ? ' (with its office hours)' : ''} ${outside}`);
          continue;
        }
        if (!before) {
          const created = await this.talks.insert({ eventId: current.id, externalId: key, ...NEW_TALK_SLOTS, location: null, ...next }, manager);
          existing.set(key, created);
          report.created++;
        } else if (sameTalk(before, next)) {
          report.unchanged++;
        } else {
          await this.talks.updateImported(before.id, next, manager);
          report.updated++;
        }
      }
      report.unmatchedSpeakers = [...unmatched.values()];
      report.unknownTags = [...unknownTags].sort();
      report.ignoredCategories = [...ignoredCategories].sort();
      if (dryRun) throw new DryRunDone();
    });
    await writing.catch((error: unknown) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
    return report;
  }
}

const problem = (p: { where: string; sourceId: string | null; title: string | null; reason: string }): AgendaSessionProblem => ({
  where: p.where,
  sessionId: p.sourceId,
  title: p.title,
  reason: p.reason,
});

function speakerDirectory(attendees: readonly AttendeeDirectoryEntry[]): SpeakerDirectory {
  const byName = new Map<string, AttendeeDirectoryEntry[]>();
  for (const attendee of attendees) {
    const key = nameKey(attendee.name);
    byName.set(key, [...(byName.get(key) ?? []), attendee]);
  }
  return { byEmail: new Map(attendees.map((a) => [a.email, a])), byName };
}

/** Why `speaker` is no attendee, or the attendee they are. */
function findAttendee(speaker: AgendaSpeaker, directory: SpeakerDirectory): AttendeeDirectoryEntry | string {
  if (speaker.email) {
    // An email names one person: when the file gives one, a namesake with another email is not them.
    return directory.byEmail.get(normaliseEmail(speaker.email)) ?? 'no attendee has this email';
  }
  const namesakes = directory.byName.get(nameKey(speaker.name)) ?? [];
  if (namesakes.length === 1) return namesakes[0]!;
  return namesakes.length ? `${namesakes.length} attendees have this name: give the speaker's email` : 'no attendee has this name (and the file gives no email)';
}

/** The first listed speaker who is an attendee gives the talk; the others are noted, the unknown reported once each. */
function pickSpeaker(session: AgendaSession, directory: SpeakerDirectory, unmatched: Map<string, UnmatchedSpeaker>, notes: string[]): AttendeeDirectoryEntry | null {
  let chosen: AttendeeDirectoryEntry | null = null;
  for (const speaker of session.speakers) {
    const found = findAttendee(speaker, directory);
    if (typeof found === 'string') {
      const key = speaker.sourceId ?? speaker.email?.toLowerCase() ?? nameKey(speaker.name);
      const entry = unmatched.get(key) ?? { name: speaker.name, email: speaker.email, sessions: [], reason: found };
      if (!entry.sessions.includes(session.sourceId)) entry.sessions.push(session.sourceId);
      unmatched.set(key, entry);
    } else if (!chosen) chosen = found;
    else if (found.id !== chosen.id) notes.push(`${session.where} (${session.title}): ${found.name} is a co-speaker; the talk's speaker is ${chosen.name} (one speaker per talk)`);
  }
  return chosen;
}

function instant(time: AgendaTime, timeZone: string): Date {
  return time.kind === 'instant' ? time.instant : instantOnWallClock(time.wall, timeZone);
}

/** Start and length on the event's clock, or why they cannot be a talk's. */
function resolveTimes(session: AgendaSession, timeZone: string): { startsAt: Date; durationMinutes: number } | string {
  const startsAt = instant(session.startsAt, timeZone);
  const minutes = session.durationMinutes ?? (instant(session.endsAt!, timeZone).getTime() - startsAt.getTime()) / 60_000;
  if (!Number.isInteger(minutes) || minutes < DURATION.min || minutes > DURATION.max) {
    return `it lasts ${minutes} minutes; a talk lasts ${DURATION.min} to ${DURATION.max} whole minutes`;
  }
  return { startsAt, durationMinutes: minutes };
}

/** The talk's tags: CSV tags all (the unknown kept and reported), Sessionize categories only when they are vocabulary topics. */
function topicTags(raw: readonly string[], vocabulary: TagVocabulary, fromVocabularyOnly: boolean, unknownTags: Set<string>, ignored: Set<string>): string[] {
  if (!fromVocabularyOnly) {
    const { tags, unknown } = vocabulary.normalise(raw);
    for (const tag of unknown) unknownTags.add(tag);
    return tags;
  }
  const tags: string[] = [];
  for (const name of raw) {
    const { tags: [tag], unknown } = vocabulary.normalise([name]);
    if (tag === undefined) continue;
    if (unknown.length || vocabulary.isEmpty) ignored.add(name);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

function sameTalk(talk: TalkEntity, next: Pick<TalkEntity, 'title' | 'speakerId' | 'startsAt' | 'durationMinutes' | 'room' | 'tags'>): boolean {
  return (
    talk.title === next.title &&
    talk.speakerId === next.speakerId &&
    talk.startsAt.getTime() === next.startsAt.getTime() &&
    talk.durationMinutes === next.durationMinutes &&
    talk.room === next.room &&
    talk.tags.join('\u0000') === next.tags.join('\u0000')
  );
}
