import { randomBytes } from 'node:crypto';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  startAdminEventApp,
  type EventFixture,
  type GraphqlResponse,
  type TestApp,
} from '@pairwise/testing';

const PROFILE = `id eventId name email company role seniority stack interests lookingFor canOffer languages bio links
  consentMatchmaking consentAt sharedFields present createdAt updatedAt`;
const CREATE = `mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { ${PROFILE} } unknownTags } }`;
const UPDATE = `mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { ${PROFILE} } unknownTags } }`;
const UPDATE_MINE = `mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { attendee { ${PROFILE} } unknownTags } }`;
const READ = `query ($id: ID!) { attendee(id: $id) { ${PROFILE} } }`;
const LIST = `query ($e: ID!, $first: Int, $after: String, $filter: AttendeeFilter) {
  attendees(eventId: $e, first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`;

const VOCABULARY = [
  { slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation', 'retrieval augmented gen'] },
  { slug: 'llm', label: 'Large Language Models', synonyms: ['LLMs'] },
  { slug: 'python', label: 'Python', synonyms: ['py'] },
  { slug: 'fundraising', label: 'Fundraising' },
  { slug: 'hiring', label: 'Hiring' },
];

const unique = () => randomBytes(4).toString('hex');
const email = () => `person-${unique()}@pairwise.test`;

function expectError(response: GraphqlResponse, code: string, field?: string): void {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toContain(field);
}

describe('attendees', () => {
  let t: TestApp;
  let admin: string;
  let event: EventFixture;

  beforeAll(async () => {
    ({ t, admin, event } = await startAdminEventApp({ event: { vocabulary: VOCABULARY } }));
  });
  afterAll(() => t?.close());

  const count = async (eventId = event.id) =>
    expectData(await t.gql(LIST, { e: eventId }, admin)).attendees.totalCount as number;
  const read = async (id: string, token = admin) => expectData(await t.gql(READ, { id }, token)).attendee;

  /** Many attendees in one call, through the same GraphQL API an organiser uses. */
  async function importPeople(eventId: string, rows: string[][]): Promise<void> {
    const csv = ['Email,Name,Role,Interests,Stack,Languages,Consent', ...rows.map((row) => row.map((cell) => `"${cell}"`).join(','))].join('\n');
    const report = expectData(
      await t.gql(`mutation ($e: ID!, $csv: String!) { importAttendees(eventId: $e, csv: $csv) { created rejected { line reason } } }`, { e: eventId, csv }, admin),
    ).importAttendees;
    expect(report).toEqual({ created: rows.length, rejected: [] });
  }

  describe('createAttendee', () => {
    it('normalises tags through the vocabulary, keeps and reports unknown ones, and maps languages to ISO codes', async () => {
      const response = await t.gql(
        CREATE,
        {
          input: {
            eventId: event.id,
            email: 'Grace.Hopper@Example.COM',
            name: ' Grace Hopper ',
            company: 'Navy',
            role: 'Research Engineer',
            seniority: 'Lead',
            interests: ['Retrieval Augmented Generation', 'LLMs', 'rag', 'Quantum Knitting'],
            stack: ['py', 'COBOL'],
            lookingFor: ['hiring'],
            canOffer: ['Fundraising'],
            languages: ['English', 'FR', 'Klingon'],
            links: ['https://example.com/grace'],
            bio: 'Compilers.',
          },
        },
        admin,
      );
      const { attendee, unknownTags } = expectData(response).createAttendee;
      expect(attendee).toMatchObject({
        eventId: event.id,
        email: 'grace.hopper@example.com',
        name: 'Grace Hopper',
        company: 'Navy',
        role: 'research-engineer',
        seniority: 'lead',
        interests: ['rag', 'llm', 'quantum-knitting'],
        stack: ['python', 'cobol'],
        lookingFor: ['hiring'],
        canOffer: ['fundraising'],
        languages: ['en', 'fr', 'klingon'],
        links: ['https://example.com/grace'],
        bio: 'Compilers.',
        consentMatchmaking: false,
        consentAt: null,
        sharedFields: ['name', 'role', 'company', 'interests'],
        present: false,
      });
      expect(unknownTags).toEqual(['cobol', 'language:klingon', 'quantum-knitting']);
      expect(await read(attendee.id)).toEqual(attendee);
    });

    it('records consent with its time', async () => {
      const { attendee } = expectData(
        await t.gql(CREATE, { input: { eventId: event.id, email: email(), name: 'Consenting', consentMatchmaking: true } }, admin),
      ).createAttendee;
      expect(attendee.consentMatchmaking).toBe(true);
      expect(Number.isNaN(Date.parse(attendee.consentAt))).toBe(false);
    });

    it('refuses an email already used in the event, whatever its case: CONFLICT, nothing written', async () => {
      const address = email();
      await createAttendee(t, event.id, { email: address });
      const before = await count();
      const response = await t.gql(CREATE, { input: { eventId: event.id, email: address.toUpperCase(), name: 'Twin' } }, admin);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ATTENDEE_EMAIL_TAKEN' });
      expect(await count()).toBe(before);
    });

    it('accepts the same email in another event', async () => {
      const address = email();
      await createAttendee(t, event.id, { email: address });
      const other = await createEvent(t);
      expect((await createAttendee(t, other.id, { email: address })).email).toBe(address);
    });

    it.each([
      ['a malformed email', { email: 'not-an-email' }, 'email'],
      ['31 interests', { interests: Array.from({ length: 31 }, (_, i) => `topic ${i}`) }, 'interests'],
      ['a link that is not a URL', { links: ['linkedin.com/in/someone'] }, 'links'],
      ['a link with another scheme', { links: ['javascript:alert(1)'] }, 'links'],
      ['a blank name', { name: '  ' }, 'name'],
      ['a bio of 1001 characters', { bio: 'x'.repeat(1001) }, 'bio'],
      ['a shared field that does not exist', { sharedFields: ['name', 'salary'] }, 'sharedFields.1'],
      ['an event id that is not an id', { eventId: 'ai-builders' }, 'eventId'],
      ['a null list', { links: null }, 'links'],
    ])('refuses %s: BAD_USER_INPUT naming the field, nothing written', async (_, override, field) => {
      const before = await count();
      const response = await t.gql(CREATE, { input: { eventId: event.id, email: email(), name: 'Valid Name', ...override } }, admin);
      expect(response.data?.createAttendee ?? null).toBeNull();
      expectError(response, 'BAD_USER_INPUT', field);
      expect(await count()).toBe(before);
    });

    it('reports every invalid field at once', async () => {
      const response = await t.gql(CREATE, { input: { eventId: event.id, email: 'nope', name: 'X', links: ['nope'] } }, admin);
      expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual(['email', 'links']);
    });

    it('refuses an unknown event as NOT_FOUND', async () => {
      const response = await t.gql(CREATE, { input: { eventId: '00000000-0000-4000-8000-000000000000', email: email(), name: 'X' } }, admin);
      expectError(response, 'NOT_FOUND');
    });
  });

  describe('updateAttendee', () => {
    it('changes only the fields given, re-normalising the lists it receives', async () => {
      const { id } = await createAttendee(t, event.id, { name: 'Ada', company: 'Analytical', role: 'founder', interests: ['rag'], languages: ['en'] });
      const before = await read(id);
      const { attendee, unknownTags } = expectData(
        await t.gql(UPDATE, { input: { id, company: 'Engines Ltd', interests: ['retrieval augmented gen', 'Looms'] } }, admin),
      ).updateAttendee;
      expect(unknownTags).toEqual(['looms']);
      expect(attendee).toEqual({ ...before, company: 'Engines Ltd', interests: ['rag', 'looms'], updatedAt: expect.any(String) });
    });

    it('clears a free-text field given as null and refuses null for a field a profile always has', async () => {
      const { id } = await createAttendee(t, event.id, { company: 'Acme', bio: 'Bio' });
      const cleared = expectData(await t.gql(UPDATE, { input: { id, company: null, bio: null } }, admin)).updateAttendee.attendee;
      expect(cleared).toMatchObject({ company: null, bio: null });
      const before = await read(id);
      for (const field of ['name', 'email', 'interests', 'consentMatchmaking', 'present']) {
        const response = await t.gql(UPDATE, { input: { id, [field]: null } }, admin);
        expectError(response, 'BAD_USER_INPUT', field);
      }
      expect(await read(id)).toEqual(before);
    });

    it('refuses an email another attendee of the event has: CONFLICT, nothing written', async () => {
      const taken = await createAttendee(t, event.id);
      const { id } = await createAttendee(t, event.id, { company: 'Before' });
      const before = await read(id);
      const response = await t.gql(UPDATE, { input: { id, email: taken.email.toUpperCase(), company: 'After' } }, admin);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ATTENDEE_EMAIL_TAKEN' });
      expect(await read(id)).toEqual(before);
    });

    it('refuses invalid input with the field named, nothing written', async () => {
      const { id } = await createAttendee(t, event.id);
      const before = await read(id);
      const response = await t.gql(UPDATE, { input: { id, name: 'Changed', links: ['ftp://files.example.com'] } }, admin);
      expectError(response, 'BAD_USER_INPUT', 'links');
      expect(await read(id)).toEqual(before);
    });

    it('checks an attendee in and out', async () => {
      const { id } = await createAttendee(t, event.id);
      expect(expectData(await t.gql(UPDATE, { input: { id, present: true } }, admin)).updateAttendee.attendee.present).toBe(true);
      expect(expectData(await t.gql(UPDATE, { input: { id, present: false } }, admin)).updateAttendee.attendee.present).toBe(false);
    });
  });

  describe('deleteAttendee', () => {
    it('removes the attendee; a second delete is NOT_FOUND', async () => {
      const { id } = await createAttendee(t, event.id);
      const before = await count();
      expect(expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id }, admin)).deleteAttendee).toBe(true);
      expectError(await t.gql(READ, { id }, admin), 'NOT_FOUND');
      expect(await count()).toBe(before - 1);
      expectError(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id }, admin), 'NOT_FOUND');
    });

    it('frees the email for a new attendee', async () => {
      const first = await createAttendee(t, event.id);
      expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: first.id }, admin));
      expect((await createAttendee(t, event.id, { email: first.email })).id).not.toBe(first.id);
    });
  });

  describe('pagination', () => {
    let crowd: EventFixture;
    let expected: { id: string; name: string }[];

    beforeAll(async () => {
      crowd = await createEvent(t);
      // 15 names, three people each: the order must break ties by id.
      await importPeople(
        crowd.id,
        Array.from({ length: 45 }, (_, i) => [`p${i}-${unique()}@pairwise.test`, `Person ${String(i % 15).padStart(2, '0')}`, 'engineer', 'rag', 'python', 'en', 'yes']),
      );
      const all = expectData(await t.gql(LIST, { e: crowd.id, first: 100 }, admin)).attendees;
      expected = all.edges.map((edge: { node: { id: string; name: string } }) => edge.node);
      expect(expected).toHaveLength(45);
    });

    it('is ordered by name, then id', () => {
      const sorted = [...expected].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
      expect(expected).toEqual(sorted);
    });

    it('walks 45 attendees 20 at a time: each seen once, in order, with the total on every page', async () => {
      const seen: { id: string; name: string }[] = [];
      const pages: { size: number; hasNextPage: boolean; totalCount: number }[] = [];
      let after: string | null = null;
      do {
        const page: any = expectData(await t.gql(LIST, { e: crowd.id, first: 20, after }, admin)).attendees;
        seen.push(...page.edges.map((edge: { node: { id: string; name: string } }) => edge.node));
        pages.push({ size: page.edges.length, hasNextPage: page.pageInfo.hasNextPage, totalCount: page.totalCount });
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(pages).toEqual([
        { size: 20, hasNextPage: true, totalCount: 45 },
        { size: 20, hasNextPage: true, totalCount: 45 },
        { size: 5, hasNextPage: false, totalCount: 45 },
      ]);
      expect(seen).toEqual(expected);
      expect(new Set(seen.map((a) => a.id)).size).toBe(45);
    });

    it('continues correctly after an attendee on the previous page is deleted', async () => {
      const first = expectData(await t.gql(LIST, { e: crowd.id, first: 10 }, admin)).attendees;
      const gone = first.edges[9].node.id;
      const extra = await createAttendee(t, crowd.id, { name: 'Person 00' });
      expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: gone }, admin));
      const next = expectData(await t.gql(LIST, { e: crowd.id, first: 100, after: first.pageInfo.endCursor }, admin)).attendees;
      const ids = next.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(ids).toEqual(expected.slice(10).map((a) => a.id));
      expect(ids).not.toContain(extra.id); // "Person 00" sorts before the cursor
      expect(next.totalCount).toBe(45);
    });

    it('returns an empty last page with hasNextPage false for an empty event', async () => {
      const empty = await createEvent(t);
      const page = expectData(await t.gql(LIST, { e: empty.id }, admin)).attendees;
      expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it.each([101, 0, -1])('refuses first: %d as BAD_USER_INPUT naming `first`', async (first) => {
      const response = await t.gql(LIST, { e: crowd.id, first }, admin);
      expect(response.data).toBeNull();
      expectError(response, 'BAD_USER_INPUT', 'first');
    });

    it.each([
      ['garbage', 'not-a-cursor'],
      ['base64 of garbage', Buffer.from('{"name":1}').toString('base64url')],
      ['a cursor with a bad id', Buffer.from(JSON.stringify(['Person 01', "x' OR 1=1 --"])).toString('base64url')],
      ['an attendee-ordered cursor given to staff', Buffer.from(JSON.stringify(['00000000-0000-4000-8000-000000000000'])).toString('base64url')],
    ])('refuses %s as `after`: BAD_USER_INPUT, reason INVALID_CURSOR', async (_, after) => {
      const response = await t.gql(LIST, { e: crowd.id, first: 5, after }, admin);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    });
  });

  describe('filters', () => {
    let fair: EventFixture;
    const names = async (filter: Record<string, unknown>, token = admin) => {
      const page = expectData(await t.gql(LIST, { e: fair.id, first: 100, filter }, token)).attendees;
      const list = page.edges.map((edge: { node: { name: string } }) => edge.node.name).sort();
      expect(page.totalCount).toBe(list.length);
      return list;
    };

    beforeAll(async () => {
      fair = await createEvent(t, { vocabulary: VOCABULARY });
      await importPeople(fair.id, [
        ['alice@fair.test', 'Alice', 'Engineer', 'Retrieval-Augmented Generation; LLMs', 'py; Rust', 'English; French', 'yes'],
        ['bob@fair.test', 'Bob', 'founder', 'fundraising', 'TypeScript', 'FR', 'yes'],
        ['carol@fair.test', 'Carol', 'engineer', 'LLMs', 'python', 'de', 'yes'],
        ['dan@fair.test', 'Dan', 'Investor', 'hiring; rag', 'excel', 'English', 'no'],
      ]);
      const dan = expectData(await t.gql(LIST, { e: fair.id, filter: { role: 'investor' } }, admin)).attendees.edges[0].node.id;
      expectData(await t.gql(UPDATE, { input: { id: dan, present: true } }, admin));
    });

    it.each([
      ['interest by slug', { interest: 'rag' }, ['Alice', 'Dan']],
      ['interest by synonym', { interest: 'retrieval augmented gen' }, ['Alice', 'Dan']],
      ['interest by label', { interest: 'Large Language Models' }, ['Alice', 'Carol']],
      ['interest nobody has', { interest: 'quantum knitting' }, []],
      ['role, whatever its case', { role: 'ENGINEER' }, ['Alice', 'Carol']],
      ['stack by synonym', { stack: 'py' }, ['Alice', 'Carol']],
      ['stack outside the vocabulary', { stack: 'rust' }, ['Alice']],
      ['language by code', { language: 'fr' }, ['Alice', 'Bob']],
      ['language by name', { language: 'English' }, ['Alice', 'Dan']],
      ['present', { present: true }, ['Dan']],
      ['absent', { present: false }, ['Alice', 'Bob', 'Carol']],
      ['several at once', { interest: 'llm', role: 'engineer', language: 'German' }, ['Carol']],
      ['consent', { consent: true }, ['Alice', 'Bob', 'Carol']],
      ['no consent', { consent: false }, ['Dan']],
      ['a search in names, whatever its case', { search: 'AR' }, ['Carol']],
      ['a search in emails', { search: 'bob@fair' }, ['Bob']],
      ['a search with LIKE wildcards, taken literally', { search: '%' }, []],
      ['a search with an underscore, taken literally', { search: 'a_i' }, []],
      ['a blank search (no filter)', { search: '   ' }, ['Alice', 'Bob', 'Carol', 'Dan']],
      ['a search with other filters', { search: 'a', consent: true, role: 'engineer' }, ['Alice', 'Carol']],
    ])('filters by %s', async (_, filter, expected) => {
      expect(await names(filter)).toEqual(expected);
    });

    it('lets only staff filter by presence and consent, and search', async () => {
      const alice = expectData(await t.gql(LIST, { e: fair.id, filter: { role: 'engineer', language: 'fr' } }, admin)).attendees.edges[0].node.id;
      const token = await attendeeToken(t, { id: alice, email: 'alice@fair.test' });
      const response = await t.gql(LIST, { e: fair.id, filter: { present: true } }, token);
      expect(response.data).toBeNull();
      expectError(response, 'FORBIDDEN');
      // Consent and a search in names, emails and companies would reveal what attendees did not share.
      for (const filter of [{ consent: false }, { search: 'dan@' }]) expectError(await t.gql(LIST, { e: fair.id, filter }, token), 'FORBIDDEN');
    });
  });

  describe('batching', () => {
    const QUERY = `query ($e: ID!) { attendees(eventId: $e, first: 100) { edges { node { id name event { id name vocabulary { slug } } } } } }`;

    async function statementsToList(size: number): Promise<number> {
      const crowd = await createEvent(t, { vocabulary: VOCABULARY });
      await importPeople(
        crowd.id,
        Array.from({ length: size }, (_, i) => [`b${i}-${unique()}@pairwise.test`, `Batch ${i}`, 'engineer', 'rag', 'python', 'en', 'yes']),
      );
      const before = t.queries.count;
      const page = expectData(await t.gql(QUERY, { e: crowd.id }, admin)).attendees;
      const statements = t.queries.count - before;
      expect(page.edges).toHaveLength(size);
      expect(page.edges.every((edge: any) => edge.node.event.vocabulary.length === VOCABULARY.length)).toBe(true);
      return statements;
    }

    it('lists 100 attendees with their event and its vocabulary in as many SQL statements as 10', async () => {
      await t.adminToken();
      const forTen = await statementsToList(10);
      const forHundred = await statementsToList(100);
      expect(forHundred).toBe(forTen);
      expect(forTen).toBeLessThanOrEqual(8);
    });
  });

  describe('what attendees see of each other', () => {
    let space: EventFixture;
    let viewer: { id: string; email: string };
    let viewerToken: string;
    let open: { id: string; email: string };
    let chosen: { id: string; email: string };
    let shy: { id: string; email: string };

    beforeAll(async () => {
      space = await createEvent(t, { vocabulary: VOCABULARY });
      viewer = await createAttendee(t, space.id, { name: 'Viewer', consentMatchmaking: true });
      open = await createAttendee(t, space.id, {
        name: 'Open Default',
        company: 'Acme',
        role: 'engineer',
        interests: ['rag'],
        stack: ['python'],
        languages: ['en'],
        bio: 'Private bio',
        links: ['https://example.com/open'],
        consentMatchmaking: true,
      });
      chosen = await createAttendee(t, space.id, {
        name: 'Open Chosen',
        company: 'Hidden Co',
        role: 'founder',
        stack: ['python'],
        consentMatchmaking: true,
        sharedFields: ['name', 'email', 'stack'],
      });
      shy = await createAttendee(t, space.id, { name: 'Shy', stack: ['python'], role: 'engineer', consentMatchmaking: false });
      viewerToken = await attendeeToken(t, viewer);
    });

    it('shows a consenting attendee’s default shared fields only (name, role, company, interests), email hidden', async () => {
      const seen = await read(open.id, viewerToken);
      expect(seen).toEqual({
        id: open.id,
        eventId: space.id,
        name: 'Open Default',
        company: 'Acme',
        role: 'engineer',
        interests: ['rag'],
        email: null,
        seniority: null,
        stack: null,
        lookingFor: null,
        canOffer: null,
        languages: null,
        bio: null,
        links: null,
        consentMatchmaking: null,
        consentAt: null,
        sharedFields: null,
        present: null,
        createdAt: null,
        updatedAt: null,
      });
    });

    it('shows exactly the fields an attendee chose, email included when chosen', async () => {
      const seen = await read(chosen.id, viewerToken);
      expect(seen).toMatchObject({ name: 'Open Chosen', email: chosen.email, stack: ['python'], company: null, role: null, interests: null });
    });

    it('shows nothing of an attendee who did not consent: NOT_FOUND', async () => {
      const response = await t.gql(READ, { id: shy.id }, viewerToken);
      expect(response.data).toBeNull();
      expectError(response, 'NOT_FOUND');
    });

    it('shows staff every field, consent or not', async () => {
      const organiser = await createOrganiser(t, space.id);
      for (const token of [admin, organiser.token]) {
        expect(await read(shy.id, token)).toMatchObject({ name: 'Shy', email: shy.email, role: 'engineer', consentMatchmaking: false, sharedFields: expect.any(Array) });
        expect(await read(open.id, token)).toMatchObject({ email: open.email, bio: 'Private bio', stack: ['python'], present: false });
      }
    });

    it('lists only consenting attendees and the viewer themself', async () => {
      const page = expectData(await t.gql(LIST, { e: space.id }, viewerToken)).attendees;
      const ids = page.edges.map((edge: { node: { id: string } }) => edge.node.id).sort();
      expect(ids).toEqual([viewer.id, open.id, chosen.id].sort());
      expect(page.totalCount).toBe(3);
      const nameOfChosenIsShared = page.edges.find((edge: any) => edge.node.id === chosen.id).node.name;
      expect(nameOfChosenIsShared).toBe('Open Chosen');
      expect(await count(space.id)).toBe(4);
    });

    it('does not let a filter reveal a field the attendee did not share', async () => {
      // Everyone but the viewer has python in their stack; only "Open Chosen" shares it.
      const page = expectData(await t.gql(LIST, { e: space.id, filter: { stack: 'python' } }, viewerToken)).attendees;
      expect(page.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([chosen.id]);
      expect(page.totalCount).toBe(1);
      const byRole = expectData(await t.gql(LIST, { e: space.id, filter: { role: 'founder' } }, viewerToken)).attendees;
      expect(byRole.totalCount).toBe(0); // "Open Chosen" is a founder but keeps the role private
      const staff = expectData(await t.gql(LIST, { e: space.id, filter: { stack: 'python' } }, admin)).attendees;
      expect(staff.totalCount).toBe(3);
    });

    it('an attendee sees their own profile in full through myProfile and attendee', async () => {
      const mine = expectData(await t.gql(`{ myProfile { ${PROFILE} } }`, {}, viewerToken)).myProfile;
      expect(mine).toMatchObject({ id: viewer.id, email: viewer.email, consentMatchmaking: true, sharedFields: expect.any(Array) });
      expect(await read(viewer.id, viewerToken)).toEqual(mine);
    });
  });

  describe('updateMyProfile', () => {
    it('changes the caller’s own profile, normalising tags, and nobody else’s', async () => {
      const me = await createAttendee(t, event.id, { name: 'Me', consentMatchmaking: false });
      const other = await createAttendee(t, event.id, { name: 'Other' });
      const otherBefore = await read(other.id);
      const token = await attendeeToken(t, me);
      const { attendee, unknownTags } = expectData(
        await t.gql(UPDATE_MINE, { input: { bio: 'Building agents', interests: ['Retrieval-Augmented Generation', 'Agents'], languages: ['Spanish'] } }, token),
      ).updateMyProfile;
      expect(attendee).toMatchObject({ id: me.id, name: 'Me', bio: 'Building agents', interests: ['rag', 'agents'], languages: ['es'] });
      expect(unknownTags).toEqual(['agents']);
      expect(await read(me.id)).toMatchObject({ bio: 'Building agents', interests: ['rag', 'agents'] });
      expect(await read(other.id)).toEqual(otherBefore);
    });

    it('records when consent is given, keeps that time when it is given again, and clears it when withdrawn', async () => {
      const me = await createAttendee(t, event.id, { consentMatchmaking: false });
      const token = await attendeeToken(t, me);
      expect((await read(me.id)).consentAt).toBeNull();

      const given = expectData(await t.gql(UPDATE_MINE, { input: { consentMatchmaking: true, consentNoticeVersion: '2026-01' } }, token))
        .updateMyProfile.attendee;
      expect(given.consentMatchmaking).toBe(true);
      expect(Number.isNaN(Date.parse(given.consentAt))).toBe(false);

      const again = expectData(await t.gql(UPDATE_MINE, { input: { consentMatchmaking: true, bio: 'Still in' } }, token)).updateMyProfile.attendee;
      expect(again.consentAt).toBe(given.consentAt);

      const withdrawn = expectData(await t.gql(UPDATE_MINE, { input: { consentMatchmaking: false } }, token)).updateMyProfile.attendee;
      expect(withdrawn).toMatchObject({ consentMatchmaking: false, consentAt: null });
    });

    it('chooses what others see, and withdrawing consent hides the attendee from the others', async () => {
      const me = await createAttendee(t, event.id, { name: 'Sharer', company: 'Co', consentMatchmaking: true });
      const peer = await createAttendee(t, event.id, { consentMatchmaking: true });
      const [mine, peers] = [await attendeeToken(t, me), await attendeeToken(t, peer)];
      expectData(await t.gql(UPDATE_MINE, { input: { sharedFields: ['email'] } }, mine));
      expect(await read(me.id, peers)).toMatchObject({ email: me.email, name: null, company: null });
      expectData(await t.gql(UPDATE_MINE, { input: { consentMatchmaking: false } }, mine));
      expectError(await t.gql(READ, { id: me.id }, peers), 'NOT_FOUND');
      const listed = expectData(await t.gql(LIST, { e: event.id, first: 100 }, peers)).attendees.edges.map((edge: any) => edge.node.id);
      expect(listed).not.toContain(me.id);
    });

    it('cannot change the email or presence, which stay with the organisers', async () => {
      const me = await createAttendee(t, event.id);
      const token = await attendeeToken(t, me);
      for (const input of [{ email: 'new@pairwise.test' }, { present: true }]) {
        const response = await t.gql(UPDATE_MINE, { input }, token);
        expect(response.data ?? null).toBeNull();
        expectError(response, 'BAD_USER_INPUT', Object.keys(input)[0]);
      }
      expect(await read(me.id)).toMatchObject({ email: me.email, present: false });
    });

    it('refuses invalid input with the field named, nothing written', async () => {
      const me = await createAttendee(t, event.id, { name: 'Unchanged' });
      const token = await attendeeToken(t, me);
      const before = await read(me.id);
      const response = await t.gql(UPDATE_MINE, { input: { name: 'Changed', interests: Array.from({ length: 31 }, (_, i) => `t${i}`) } }, token);
      expectError(response, 'BAD_USER_INPUT', 'interests');
      expect(await read(me.id)).toEqual(before);
    });
  });
});
