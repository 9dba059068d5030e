import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPrng, generateConference } from '@pairwise/matching';
import { DataSource } from 'typeorm';
import { loadApi, type Actor, type Api } from '../../../api/src/public-api';
import { demoError, DemoErrorReason } from './demo.errors';
import { demoProfile, demoVocabulary, emailAllocator } from './demo-data';
import { DEMO_MAX_ATTENDEES, type DemoOptions } from './demo-options';

const { AccountsService, applyProfileChanges, AttendeeEntity, eventsError, EventsErrorReason, EventsService, forbidden, isAdmin, OddPolicy, TagVocabulary } = loadApi();

export { DEMO_DEFAULTS, DEMO_MAX_ATTENDEES, type DemoOptions } from './demo-options';

export interface DemoReport {
  event: { id: string; slug: string; name: string; timeZone: string; venue: string; startsOn: string; endsOn: string };
  replaced: boolean;
  attendees: number;
  present: number;
  wishes: number;
  blocks: number;
  vocabulary: number;
  organiser: { email: string; accessCode: string; expiresAt: Date };
}

export const DEMO_ORGANISER = { email: 'organiser@demo.pairwise', name: 'Demo Organiser' };
const DEMO_TIME_ZONE = 'Europe/Paris';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const INSERT_CHUNK = 500;

/**
 * Seeds a realistic demo event in one transaction: the event (vocabulary,
 * venue, dates, time zone), seeded conference attendees who consented (most
 * of them checked in) with their wishes and blocks, and an organiser with a
 * one-time access code. Admin only (the CLI acts as the operator).
 */
@Injectable()
export class DemoSeederService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // Named explicitly: the classes are loaded values here, so their types emit no injection metadata.
    @Inject(EventsService) private readonly eventsService: InstanceType<Api['EventsService']>,
    @Inject(AccountsService) private readonly accountsService: InstanceType<Api['AccountsService']>,
  ) {}

  async seed(actor: Actor, options: DemoOptions, now = new Date()): Promise<DemoReport> {
    if (!isAdmin(actor)) throw forbidden('Only an admin can seed a demo event');
    checkOptions(options);
    const profiles = generateConference(options.attendees, options.seed);
    const rng = createPrng(`${options.seed}:presence`);
    const presentCount = Math.round(options.attendees * options.presentShare);
    const present = new Set(rng.shuffle(profiles.map((p) => p.id)).slice(0, presentCount));
    const vocabulary = demoVocabulary(profiles);
    const startsOn = calendarDate(now, DEMO_TIME_ZONE);
    const endsOn = calendarDate(new Date(now.getTime() + 86_400_000), DEMO_TIME_ZONE);

    return this.dataSource.transaction(async (manager) => {
      let replaced = false;
      if (options.reset) {
        // Everything of the event (attendees, rounds, meetings, codes…) goes with it: ON DELETE CASCADE.
        const [, deleted] = await manager.query(`DELETE FROM events WHERE slug = $1`, [options.slug]);
        replaced = Boolean(deleted);
      } else if (await manager.query(`SELECT 1 FROM events WHERE slug = $1`, [options.slug]).then((rows: unknown[]) => rows.length)) {
        throw eventsError(EventsErrorReason.EVENT_SLUG_TAKEN, `An event with the slug "${options.slug}" already exists`);
      }
      const venue = 'Hall B, Centre des Congrès, Lyon';
      const event = await this.eventsService.create(
        actor,
        {
          slug: options.slug,
          name: 'Pairwise Demo Summit',
          timeZone: DEMO_TIME_ZONE,
          startsOn,
          endsOn,
          venue,
          oddPolicy: OddPolicy.TRIO,
          defaultRoundMinutes: 15,
          vocabulary: vocabulary.map((entry) => ({ ...entry, synonyms: [...entry.synonyms] })),
        },
        manager,
      );

      const tags = new TagVocabulary(vocabulary);
      const emailFor = emailAllocator('demo.pairwise');
      const idOf = new Map(profiles.map((p) => [p.id, randomUUID()]));
      const rows = profiles.map((p) => {
        const row: Partial<InstanceType<Api['AttendeeEntity']>> = { id: idOf.get(p.id)!, eventId: event.id };
        applyProfileChanges(row, demoProfile(p, emailFor(p.name ?? p.id), present.has(p.id)), tags, now);
        return row;
      });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await manager.getRepository(AttendeeEntity).insert(rows.slice(i, i + INSERT_CHUNK));
      }

      const link = (field: 'wishes' | 'blocks') => {
        const from: string[] = [];
        const to: string[] = [];
        for (const p of profiles) {
          for (const target of new Set(p[field] ?? [])) {
            if (target === p.id || !idOf.has(target)) continue;
            from.push(idOf.get(p.id)!);
            to.push(idOf.get(target)!);
          }
        }
        return [from, to];
      };
      const [wishFrom, wishTo] = link('wishes');
      const [blockFrom, blockTo] = link('blocks');
      await manager.query(`INSERT INTO wishes (attendee_id, target_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [wishFrom, wishTo]);
      await manager.query(`INSERT INTO blocks (attendee_id, target_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [blockFrom, blockTo]);

      const { grant } = await this.accountsService.addOrganiser(actor, { eventId: event.id, ...DEMO_ORGANISER }, manager);
      return {
        event: { id: event.id, slug: event.slug, name: event.name, timeZone: event.timeZone, venue, startsOn, endsOn },
        replaced,
        attendees: rows.length,
        present: present.size,
        wishes: wishFrom!.length,
        blocks: blockFrom!.length,
        vocabulary: vocabulary.length,
        organiser: { email: DEMO_ORGANISER.email, accessCode: grant.code, expiresAt: grant.expiresAt },
      };
    });
  }
}

function checkOptions(options: DemoOptions): void {
  if (!SLUG.test(options.slug) || options.slug.length > 64) {
    throw demoError(DemoErrorReason.DEMO_OPTIONS, 'The event slug must be lower-case letters, digits and dashes (at most 64)', { fields: [{ field: 'slug', message: 'invalid slug' }] });
  }
  if (!Number.isInteger(options.attendees) || options.attendees < 2 || options.attendees > DEMO_MAX_ATTENDEES) {
    throw demoError(DemoErrorReason.DEMO_OPTIONS, `The number of attendees must be a whole number from 2 to ${DEMO_MAX_ATTENDEES}`, { fields: [{ field: 'attendees', message: 'out of range' }] });
  }
  if (!(options.presentShare >= 0 && options.presentShare <= 1)) {
    throw demoError(DemoErrorReason.DEMO_OPTIONS, 'The present share must be a number from 0 to 1', { fields: [{ field: 'presentShare', message: 'out of range' }] });
  }
  if (!options.seed.trim()) throw demoError(DemoErrorReason.DEMO_OPTIONS, 'The seed must not be empty', { fields: [{ field: 'seed', message: 'empty' }] });
}

/** `YYYY-MM-DD` of an instant in a time zone. */
function calendarDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
