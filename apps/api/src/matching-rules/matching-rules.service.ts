import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MatchingInputError, resolveRules, type MatchingRules, type MatchingRulesInput } from '@pairwise/matching';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { managedEvent } from '../auth/event-access';
import type { EventEntity } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { sniffDelimiter } from '../imports/csv-text';
import { ConflictsRepository, type ConflictDirectoryEntry } from './conflicts.repository';
import { eventRules } from './event-rules';
import type { SetMatchingRulesInput } from './inputs/matching-rules.input';
import { matchingRulesError, MatchingRulesErrorReason } from './matching-rules.errors';

/** An event's matching rules as the organisers read them. */
export interface EventMatchingRulesView {
  rules: MatchingRules;
  conflictsFromEarlierEvents: boolean;
  conflicts: number;
}

/** What an import of conflicts of interest did. */
export interface ConflictsImportResult {
  dryRun: boolean;
  lines: number;
  added: number;
  alreadyKnown: number;
  unknown: { line: number; value: string }[];
  header: string[] | null;
  matching: EventMatchingRulesView;
}

/** Lines and people per line a conflicts file may have: a lab or an author list, not a phone book. */
export const MAX_CONFLICT_LINES = 20_000;
export const MAX_GROUP_SIZE = 50;

/**
 * Validates a rules document with the matching library: its refusal becomes RULES_INVALID naming the
 * field. The library's defaults are filled in, so what is stored is what a round will use.
 */
export function validateRules(input: object): MatchingRules {
  try {
    // A plain copy: GraphQL input objects may carry prototypes and absent fields as undefined.
    return resolveRules(JSON.parse(JSON.stringify(input)) as MatchingRulesInput);
  } catch (error) {
    if (!(error instanceof MatchingInputError)) throw error;
    throw matchingRulesError(MatchingRulesErrorReason.RULES_INVALID, `Invalid matching rules: ${error.message}`, {
      fields: [{ field: error.field, message: error.problem }],
    });
  }
}

const normalName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The organisers' matching rules of an event (weights, same company, who can meet whom), and its
 * conflicts of interest: imported lists of people who already know each other, and the opt-in that
 * turns the pairs of earlier events into conflicts.
 */
@Injectable()
export class MatchingRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conflicts: ConflictsRepository,
    private readonly events: EventsRepository,
  ) {}

  async get(actor: Actor, eventId: string): Promise<EventMatchingRulesView> {
    return this.view(managedEvent(actor, await this.events.findById(eventId)));
  }

  /** Replaces the rules document and/or the earlier-events opt-in; rounds already generated keep theirs. */
  async set(actor: Actor, input: SetMatchingRulesInput): Promise<EventMatchingRulesView> {
    if (input.rules === null) throw matchingRulesError(MatchingRulesErrorReason.RULES_INVALID, 'Invalid matching rules: rules must not be null', { fields: [{ field: 'rules', message: 'must not be null' }] });
    if (input.conflictsFromEarlierEvents === null) {
      throw matchingRulesError(MatchingRulesErrorReason.RULES_INVALID, 'Invalid matching rules: conflictsFromEarlierEvents must not be null', {
        fields: [{ field: 'conflictsFromEarlierEvents', message: 'must not be null' }],
      });
    }
    const rules = input.rules === undefined ? undefined : validateRules(input.rules);
    const event = await this.dataSource.transaction(async (manager) => {
      const found = managedEvent(actor, await this.events.lockById(input.eventId, 'update', manager));
      found.matchingSettings = {
        ...found.matchingSettings,
        ...(rules ? { rules } : {}),
        ...(input.conflictsFromEarlierEvents === undefined ? {} : { conflictsFromEarlierEvents: input.conflictsFromEarlierEvents }),
      };
      return this.events.save(found, manager);
    });
    return this.view(event);
  }

  /**
   * Reads a CSV of people who already know each other — one line per group (two or more names or
   * emails: co-authors, a lab, a team), every pair of a line becoming a conflict — and records the
   * pairs. Emails match case-insensitively; names match ignoring case and extra spaces. A value that
   * names nobody is reported and skipped; a name that fits several attendees refuses the whole file
   * (CONFLICT_NAME_AMBIGUOUS). The first line is a header when none of its values names anyone.
   */
  async importConflicts(actor: Actor, eventId: string, csv: string, dryRun: boolean): Promise<ConflictsImportResult> {
    const event = managedEvent(actor, await this.events.findById(eventId));
    const records = readConflictsCsv(csv);
    const resolve = directoryLookup(await this.conflicts.directory(event.id));
    let header: string[] | null = null;
    if (records[0] && records[0].cells.every((cell) => resolve(cell).length === 0)) header = records.shift()!.cells;
    if (!records.length) throw fileInvalid('The file has no line naming people');
    const unknown: ConflictsImportResult['unknown'] = [];
    const ambiguous: { line: number; value: string; matches: number }[] = [];
    const pairs = new Map<string, [string, string]>();
    for (const { line, cells } of records) {
      if (cells.length < 2) throw fileInvalid(`Line ${line} names ${cells.length} person; a line lists two or more people who know each other`, line);
      if (cells.length > MAX_GROUP_SIZE) throw fileInvalid(`Line ${line} names ${cells.length} people; at most ${MAX_GROUP_SIZE} per line`, line);
      const ids: string[] = [];
      for (const value of cells) {
        const found = resolve(value);
        if (found.length === 0) unknown.push({ line, value });
        else if (found.length > 1) ambiguous.push({ line, value, matches: found.length });
        else if (!ids.includes(found[0]!)) ids.push(found[0]!);
      }
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const [low, high] = ids[x]! < ids[y]! ? [ids[x]!, ids[y]!] : [ids[y]!, ids[x]!];
          pairs.set(`${low}:${high}`, [low, high]);
        }
      }
    }
    if (ambiguous.length) {
      const listed = ambiguous.slice(0, 5).map((a) => `“${a.value}” (line ${a.line}, ${a.matches} attendees)`).join(', ');
      throw matchingRulesError(
        MatchingRulesErrorReason.CONFLICT_NAME_AMBIGUOUS,
        `${ambiguous.length === 1 ? 'A name fits' : `${ambiguous.length} names fit`} several attendees: ${listed}${ambiguous.length > 5 ? ', …' : ''}. Nothing was imported: write their emails instead.`,
        { details: { ambiguous } },
      );
    }
    const low = [...pairs.values()].map(([a]) => a);
    const high = [...pairs.values()].map(([, b]) => b);
    let added: number;
    if (dryRun) added = pairs.size - (await this.conflicts.recorded(event.id, low, high));
    else added = await this.dataSource.transaction((manager) => this.conflicts.add(event.id, low, high, manager));
    return { dryRun, lines: records.length, added, alreadyKnown: pairs.size - added, unknown, header, matching: await this.view(event) };
  }

  /** Forgets every imported conflict of the event. */
  async clearConflicts(actor: Actor, eventId: string): Promise<EventMatchingRulesView> {
    const event = managedEvent(actor, await this.events.findById(eventId));
    await this.conflicts.clear(event.id);
    return this.view(event);
  }

  private async view(event: EventEntity): Promise<EventMatchingRulesView> {
    return {
      rules: validateRules(eventRules(event.matchingSettings)),
      conflictsFromEarlierEvents: event.matchingSettings.conflictsFromEarlierEvents === true,
      conflicts: await this.conflicts.count(event.id),
    };
  }
}

function fileInvalid(message: string, line?: number) {
  return matchingRulesError(MatchingRulesErrorReason.CONFLICTS_FILE_INVALID, message, line === undefined ? undefined : { fields: [{ field: 'csv', message: `line ${line}` }] });
}

/** The file's lines with their non-empty cells (and their line numbers). */
function readConflictsCsv(csv: string): { line: number; cells: string[] }[] {
  if (csv.includes('\u0000')) throw fileInvalid('The file contains a NUL character: it is not a text CSV');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(csv, { bom: true, delimiter: sniffDelimiter(csv), skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    throw fileInvalid(`The file is not a readable CSV: ${(error as Error).message}`);
  }
  if (rows.length > MAX_CONFLICT_LINES) throw fileInvalid(`The file has ${rows.length} lines; at most ${MAX_CONFLICT_LINES}`);
  return rows.map(({ record, info }) => ({ line: info.lines, cells: record.filter((cell) => cell.length > 0) })).filter((row) => row.cells.length > 0);
}

/** A value of the file → the ids it may mean: by email when it has an @, else by name. */
function directoryLookup(attendees: readonly ConflictDirectoryEntry[]): (value: string) => string[] {
  const byEmail = new Map(attendees.map((a) => [a.email.toLowerCase(), a.id]));
  const byName = new Map<string, string[]>();
  for (const a of attendees) byName.set(normalName(a.name), [...(byName.get(normalName(a.name)) ?? []), a.id]);
  return (value) => {
    if (value.includes('@')) {
      const id = byEmail.get(value.trim().toLowerCase());
      return id ? [id] : [];
    }
    return byName.get(normalName(value)) ?? [];
  };
}
