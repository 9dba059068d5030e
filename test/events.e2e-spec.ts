import { randomBytes } from 'node:crypto';
import { createEvent, createOrganiser, expectData, startAdminApp, type GraphqlResponse, type TestApp } from '@pairwise/testing';

const EVENT_FIELDS = `id slug name timeZone startsOn endsOn venue oddPolicy defaultRoundMinutes vocabulary { slug label synonyms }`;
const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { ${EVENT_FIELDS} } }`;
const READ = `query ($id: ID) { event(id: $id) { ${EVENT_FIELDS} } }`;

const unique = () => randomBytes(4).toString('hex');

const AI_VOCABULARY = [
  { slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation', 'retrieval augmented gen'] },
  { label: 'Speculative Decoding', synonyms: ['spec decoding'] },
  { slug: 'llm', label: 'Large Language Models', synonyms: ['LLMs'] },
];

function expectBadInput(response: GraphqlResponse, field: string, reason?: string): void {
  expect(response.data?.createEvent ?? response.data?.updateEvent ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions;
  expect(extensions?.code).toBe('BAD_USER_INPUT');
  if (reason) expect(extensions?.reason).toBe(reason);
  expect(extensions?.fields?.map((f) => f.field)).toContain(field);
}

describe('events', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    ({ t, admin } = await startAdminApp());
  });
  afterAll(() => t?.close());

  const allEvents = async () => expectData(await t.gql(`{ events { ${EVENT_FIELDS} } }`, {}, admin)).events;
  const read = async (id: string) => expectData(await t.gql(READ, { id }, admin)).event;

  describe('createEvent', () => {
    it('stores the event with its vocabulary, synonyms and defaults', async () => {
      const slug = `ai-builders-${unique()}`;
      const response = await t.gql(
        CREATE,
        { input: { slug, name: '  AI Builders Summit ', timeZone: 'Europe/Paris', startsOn: '2026-06-10', endsOn: '2026-06-11', venue: 'Station F', vocabulary: AI_VOCABULARY } },
        admin,
      );
      const event = expectData(response).createEvent;
      expect(event).toEqual({
        id: expect.any(String),
        slug,
        name: 'AI Builders Summit',
        timeZone: 'Europe/Paris',
        startsOn: '2026-06-10',
        endsOn: '2026-06-11',
        venue: 'Station F',
        oddPolicy: 'TRIO',
        defaultRoundMinutes: 15,
        vocabulary: [
          { slug: 'llm', label: 'Large Language Models', synonyms: ['LLMs'] },
          { slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation', 'retrieval augmented gen'] },
          { slug: 'speculative-decoding', label: 'Speculative Decoding', synonyms: ['spec decoding'] },
        ],
      });
      expect(await read(event.id)).toEqual(event);
      const bySlug = expectData(await t.gql(`query ($slug: String) { event(slug: $slug) { id } }`, { slug }, admin)).event;
      expect(bySlug.id).toBe(event.id);
    });

    it('defaults the time zone to UTC and takes the matching settings given', async () => {
      const response = await t.gql(CREATE, { input: { slug: `plain-${unique()}`, name: 'Plain', oddPolicy: 'BYE', defaultRoundMinutes: 20 } }, admin);
      expect(expectData(response).createEvent).toMatchObject({
        timeZone: 'UTC',
        oddPolicy: 'BYE',
        defaultRoundMinutes: 20,
        startsOn: null,
        endsOn: null,
        venue: null,
        vocabulary: [],
      });
    });

    it('refuses a slug another event has: CONFLICT, and the first event is untouched', async () => {
      const slug = `taken-${unique()}`;
      const first = expectData(await t.gql(CREATE, { input: { slug, name: 'First' } }, admin)).createEvent;
      const before = await allEvents();
      const response = await t.gql(CREATE, { input: { slug, name: 'Second', vocabulary: AI_VOCABULARY } }, admin);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_SLUG_TAKEN' });
      expect(await allEvents()).toEqual(before);
      expect((await read(first.id)).name).toBe('First');
    });

    const valid = () => ({ slug: `valid-${unique()}`, name: 'Valid' });
    it.each([
      ['a slug with spaces and capitals', { slug: 'AI Builders' }, 'slug'],
      ['a slug ending in a dash', { slug: 'ai-builders-' }, 'slug'],
      ['a slug with an underscore', { slug: 'ai_builders' }, 'slug'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['a time-zone abbreviation that is not IANA', { timeZone: 'CEST' }, 'timeZone'],
      ['a start date that does not exist', { startsOn: '2026-02-30' }, 'startsOn'],
      ['a start date in another format', { startsOn: '10/06/2026' }, 'startsOn'],
      ['a date-time instead of a date', { endsOn: '2026-06-10T09:00:00Z' }, 'endsOn'],
      ['an end before the start', { startsOn: '2026-06-11', endsOn: '2026-06-10' }, 'endsOn'],
      ['an odd-number policy that does not exist', { oddPolicy: 'SOLO' }, 'oddPolicy'],
      ['rounds too short', { defaultRoundMinutes: 2 }, 'defaultRoundMinutes'],
      ['rounds too long', { defaultRoundMinutes: 121 }, 'defaultRoundMinutes'],
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a tag slug that is not a slug', { vocabulary: [{ slug: 'Not A Slug', label: 'X' }] }, 'vocabulary.0.slug'],
      ['a tag without a label', { vocabulary: [{ label: 'RAG' }, { slug: 'x', label: '' }] }, 'vocabulary.1.label'],
    ])('refuses %s: BAD_USER_INPUT naming the field, nothing written', async (_, override, field) => {
      const before = await allEvents();
      const response = await t.gql(CREATE, { input: { ...valid(), ...override } }, admin);
      expectBadInput(response, field);
      expect(await allEvents()).toEqual(before);
    });

    it.each([
      [
        'a synonym that would mean two tags',
        [{ slug: 'rag', label: 'RAG', synonyms: ['retrieval'] }, { slug: 'search', label: 'Search', synonyms: ['Retrieval'] }],
        'VOCABULARY_AMBIGUOUS',
        'vocabulary.1',
      ],
      [
        'a label that is another tag’s slug',
        [{ slug: 'llm', label: 'LLM' }, { slug: 'large-models', label: 'llm' }],
        'VOCABULARY_AMBIGUOUS',
        'vocabulary.1',
      ],
      ['the same slug twice', [{ slug: 'rag', label: 'RAG' }, { label: 'Rag' }], 'VOCABULARY_DUPLICATE', 'vocabulary.1'],
      ['a label with no letters or digits (so no slug)', [{ label: '!!!' }], 'VOCABULARY_INVALID', 'vocabulary.0'],
    ])('refuses a vocabulary with %s: BAD_USER_INPUT, nothing written', async (_, vocabulary, reason, field) => {
      const before = await allEvents();
      const response = await t.gql(CREATE, { input: { ...valid(), vocabulary } }, admin);
      expectBadInput(response, field, reason);
      expect(await allEvents()).toEqual(before);
    });

    it('drops synonyms that are only punctuation instead of calling them ambiguous', async () => {
      const vocabulary = [
        { slug: 'rag', label: 'RAG', synonyms: ['—', 'rag pipelines'] },
        { slug: 'llm', label: 'LLM', synonyms: ['?'] },
      ];
      const event = expectData(await t.gql(CREATE, { input: { ...valid(), vocabulary } }, admin)).createEvent;
      expect(event.vocabulary).toEqual([
        { slug: 'llm', label: 'LLM', synonyms: [] },
        { slug: 'rag', label: 'RAG', synonyms: ['rag pipelines'] },
      ]);
    });

    it('refuses a missing required field before anything runs', async () => {
      const response = await t.gql(CREATE, { input: { slug: `x-${unique()}` } }, admin);
      expectBadInput(response, 'name');
    });
  });

  describe('updateEvent', () => {
    let id: string;
    let original: Record<string, unknown>;

    beforeEach(async () => {
      original = expectData(
        await t.gql(
          CREATE,
          {
            input: {
              slug: `upd-${unique()}`,
              name: 'Original',
              timeZone: 'Asia/Tokyo',
              startsOn: '2026-09-01',
              endsOn: '2026-09-03',
              venue: 'Hall A',
              oddPolicy: 'BYE',
              defaultRoundMinutes: 12,
              vocabulary: AI_VOCABULARY,
            },
          },
          admin,
        ),
      ).createEvent;
      id = original.id as string;
    });

    it('changes only the fields given', async () => {
      const updated = expectData(await t.gql(UPDATE, { input: { id, name: 'Renamed' } }, admin)).updateEvent;
      expect(updated).toEqual({ ...original, name: 'Renamed' });
      expect(await read(id)).toEqual(updated);
    });

    it('changes several settings at once and keeps the vocabulary when it is not given', async () => {
      const updated = expectData(
        await t.gql(UPDATE, { input: { id, timeZone: 'Europe/Lisbon', oddPolicy: 'TRIO', defaultRoundMinutes: 30, endsOn: '2026-09-04' } }, admin),
      ).updateEvent;
      expect(updated).toEqual({ ...original, timeZone: 'Europe/Lisbon', oddPolicy: 'TRIO', defaultRoundMinutes: 30, endsOn: '2026-09-04' });
    });

    it('clears a nullable field given as null', async () => {
      const updated = expectData(await t.gql(UPDATE, { input: { id, venue: null, startsOn: null } }, admin)).updateEvent;
      expect(updated).toEqual({ ...original, venue: null, startsOn: null });
    });

    it('replaces the whole vocabulary when one is given', async () => {
      const vocabulary = [{ slug: 'agents', label: 'AI Agents', synonyms: ['agentic AI', 'autonomous agents'] }];
      const updated = expectData(await t.gql(UPDATE, { input: { id, vocabulary } }, admin)).updateEvent;
      expect(updated.vocabulary).toEqual([{ slug: 'agents', label: 'AI Agents', synonyms: ['agentic AI', 'autonomous agents'] }]);
      expect({ ...updated, vocabulary: original.vocabulary }).toEqual(original);
      const cleared = expectData(await t.gql(UPDATE, { input: { id, vocabulary: [] } }, admin)).updateEvent;
      expect(cleared.vocabulary).toEqual([]);
    });

    it('lets the event’s organiser update it', async () => {
      const organiser = await createOrganiser(t, id);
      const updated = expectData(await t.gql(UPDATE, { input: { id, venue: 'Hall B' } }, organiser.token)).updateEvent;
      expect(updated.venue).toBe('Hall B');
    });

    it('refuses a slug another event has: CONFLICT, nothing written', async () => {
      const other = await createEvent(t);
      const response = await t.gql(UPDATE, { input: { id, slug: other.slug, name: 'Should not stick', vocabulary: [] } }, admin);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_SLUG_TAKEN' });
      expect(await read(id)).toEqual(original);
    });

    it('keeps its own slug without a conflict', async () => {
      const updated = expectData(await t.gql(UPDATE, { input: { id, slug: original.slug, name: 'Same slug' } }, admin)).updateEvent;
      expect(updated.slug).toBe(original.slug);
    });

    it.each([
      ['an end before the stored start', { endsOn: '2026-08-31' }, 'endsOn'],
      ['a start after the stored end', { startsOn: '2026-09-04' }, 'endsOn'],
      ['an invalid time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
      ['an invalid slug', { slug: 'Bad Slug' }, 'slug'],
      ['an odd policy that does not exist', { oddPolicy: 'PAIRS' }, 'oddPolicy'],
      ['a null name', { name: null }, 'name'],
      ['a null slug', { slug: null }, 'slug'],
      ['a null time zone', { timeZone: null }, 'timeZone'],
      ['a null vocabulary', { vocabulary: null }, 'vocabulary'],
      ['an ambiguous vocabulary', { vocabulary: [{ slug: 'a', label: 'A', synonyms: ['x'] }, { slug: 'b', label: 'B', synonyms: ['X'] }] }, 'vocabulary.1'],
      ['a duplicate vocabulary slug', { vocabulary: [{ slug: 'a', label: 'A' }, { slug: 'a', label: 'Another A' }] }, 'vocabulary.1'],
    ])('refuses %s: BAD_USER_INPUT naming the field, the event (vocabulary included) unchanged', async (_, override, field) => {
      const response = await t.gql(UPDATE, { input: { id, name: 'Should not stick', ...override } }, admin);
      expectBadInput(response, field);
      expect(await read(id)).toEqual(original);
    });

    it('reports an unknown event as NOT_FOUND', async () => {
      const response = await t.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', name: 'X' } }, admin);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('event lookup', () => {
    it('wants exactly one of id and slug', async () => {
      const event = await createEvent(t);
      const both = await t.gql(`query ($id: ID, $slug: String) { event(id: $id, slug: $slug) { id } }`, { id: event.id, slug: event.slug }, admin);
      expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EVENT_LOOKUP' });
      const neither = await t.gql(`{ event { id } }`, {}, admin);
      expect(neither.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EVENT_LOOKUP' });
    });

    it('reports an unknown slug as NOT_FOUND', async () => {
      const response = await t.gql(`{ event(slug: "no-such-event") { id } }`, {}, admin);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
