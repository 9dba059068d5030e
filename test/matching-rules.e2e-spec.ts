import { attendeeToken, createAttendee, createEvent, expectData, runRound, startEventApp, type TestApp } from '@pairwise/testing';

const RULES_FIELDS = `rules { version sameCompany weights { interest complementarity stack sameCompany text roleMixTable { roles bonus } }
  whoCanMeet { who { role ticketType } onlyWith { role ticketType } notWith { role ticketType } } document }
  conflictsFromEarlierEvents conflicts`;
const GET = `query ($e: ID!) { matchingRules(eventId: $e) { ${RULES_FIELDS} } }`;
const SET = `mutation ($input: SetMatchingRulesInput!) { setMatchingRules(input: $input) { ${RULES_FIELDS} } }`;
const IMPORT = `mutation ($e: ID!, $csv: String!, $dryRun: Boolean) { importConflicts(eventId: $e, csv: $csv, dryRun: $dryRun) {
  dryRun lines added alreadyKnown unknown { line value } header matching { conflicts } } }`;
const ROUND = `query ($id: ID!) { round(id: $id) { status leftOut { attendeeId reason }
  matchingRules { sameCompany whoCanMeet { who { role ticketType } onlyWith { role } notWith { role } } document }
  meetings(first: 100) { edges { node { participants { id } } } } } }`;

/**
 * The organisers' matching rules and conflicts of interest through GraphQL, on one app: defaults equal
 * to the library's, validation with reasons naming the field, rules applied to a generated round and
 * stored with it (the review shows them; publishing re-checks with them as of generation), conflicts
 * imported from a CSV (unknown reported, ambiguous refused), and the earlier-events opt-in.
 */
describe('matching rules and conflicts of interest', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let organiserEmail: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser, email: organiserEmail } } = await startEventApp({ event: { oddPolicy: 'BYE' } }));
    const people: [string, Record<string, unknown>][] = [
      ['vc1', { role: 'investor' }],
      ['vc2', { role: 'investor' }],
      ['ceo', { role: 'founder', company: 'Acme' }],
      ['cto', { role: 'founder', company: 'ACME ' }],
      ['kim', { role: 'founder', company: 'Initech' }],
      ['stu', { role: 'engineer', ticketType: ' Student ' }],
      ['eng', { role: 'engineer' }],
    ];
    for (const [name, profile] of people) ids[name] = (await createAttendee(t, eventId, { name, present: true, interests: ['rag', 'evals'], ...profile })).id;
  });
  afterAll(() => t?.close());

  it('an event starts with the default rules: today’s weights, a same-company penalty, nobody kept apart, no conflicts', async () => {
    const matching = expectData(await t.gql(GET, { e: eventId }, organiser)).matchingRules;
    expect(matching).toMatchObject({ conflictsFromEarlierEvents: false, conflicts: 0 });
    expect(matching.rules).toMatchObject({ version: 1, sameCompany: 'penalty', whoCanMeet: [], weights: { interest: 1, complementarity: 1, stack: 0.4, sameCompany: 0.5, text: 0 } });
    expect(matching.rules.weights.roleMixTable).toContainEqual({ roles: ['founder', 'investor'], bonus: 0.6 });
    expect(JSON.parse(matching.rules.document)).toMatchObject({ version: 1, sameCompany: 'penalty', whoCanMeet: [] });
  });

  it.each([
    [{ sameCompany: 'never' }, 'rules.sameCompany'],
    [{ sameCompany: null }, 'rules.sameCompany'],
    [{ weights: { stack: -1 } }, 'weights.stack'],
    [{ weights: { text: 2 } }, 'weights.text'],
    [{ weights: { mutualWish: 0.1, oneWayWish: 0.5 } }, 'weights.oneWayWish'],
    [{ version: 2 }, 'rules.version'],
    [{ whoCanMeet: [{ who: { role: 'investor' } }] }, 'rules.whoCanMeet[0]'],
    [{ whoCanMeet: [{ who: { role: 'investor', ticketType: 'vip' }, notWith: [{ role: 'student' }] }] }, 'rules.whoCanMeet[0].who'],
    [{ whoCanMeet: [{ who: {}, notWith: [{ role: 'student' }] }] }, 'rules.whoCanMeet[0].who'],
  ])('refuses rules %j with BAD_USER_INPUT / RULES_INVALID naming %s', async (rules, field) => {
    const result = await t.gql(SET, { input: { eventId, rules } }, organiser);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULES_INVALID', fields: [expect.objectContaining({ field })] });
  });

  it('refuses an unknown field, null for the whole document, attendees (FORBIDDEN) and another event’s organisers (NOT_FOUND)', async () => {
    const unknown = await t.gql(SET, { input: { eventId, rules: { score: 1 } } }, organiser);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nulled = await t.gql(SET, { input: { eventId, rules: null } }, organiser);
    expect(nulled.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULES_INVALID' });
    const attendee = await attendeeToken(t, { id: ids.eng!, email: await emailOf(ids.eng!) });
    expect((await t.gql(SET, { input: { eventId, rules: {} } }, attendee)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(GET, { e: eventId }, attendee)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createEvent(t);
    expect((await t.gql(SET, { input: { eventId: other.id, rules: {} } }, organiser)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(GET, { e: 'not-an-id' }, organiser)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  async function emailOf(id: string): Promise<string> {
    return expectData(await t.gql(`query ($id: ID!) { attendee(id: $id) { email } }`, { id }, organiser)).attendee.email;
  }

  it('applies the rules to a generated round, stores them with it, and re-checks the draft with them as of generation', async () => {
    const rules = {
      sameCompany: 'forbid',
      weights: { interest: 2, text: 0.3 },
      whoCanMeet: [
        { who: { role: 'Investor' }, onlyWith: [{ role: 'founder' }] },
        { who: { ticketType: 'student' }, notWith: [{ role: 'engineer' }] },
      ],
    };
    const set = expectData(await t.gql(SET, { input: { eventId, rules } }, organiser)).setMatchingRules;
    expect(set.rules).toMatchObject({ sameCompany: 'forbid', weights: { interest: 2, text: 0.3, stack: 0.4 } });
    expect(set.rules.whoCanMeet).toEqual([
      { who: { role: 'investor', ticketType: null }, onlyWith: [{ role: 'founder', ticketType: null }], notWith: null },
      { who: { role: null, ticketType: 'student' }, onlyWith: null, notWith: [{ role: 'engineer', ticketType: null }] },
    ]);
    const roundId = await runRound(t, organiser, { eventId, name: 'Ruled', startsAt: '2030-06-01T10:00:00Z' }, { publish: false });
    const round = expectData(await t.gql(ROUND, { id: roundId }, organiser)).round;
    const meetings: string[][] = round.meetings.edges.map((e: { node: { participants: { id: string }[] } }) => e.node.participants.map((p) => p.id));
    const name = new Map(Object.entries(ids).map(([n, id]) => [id, n]));
    const allowed = (a: string, b: string) => {
      const pair = [name.get(a)!, name.get(b)!].sort().join('+');
      return ['ceo+vc1', 'ceo+vc2', 'cto+vc1', 'cto+vc2', 'kim+vc1', 'kim+vc2', 'ceo+kim', 'cto+kim', 'ceo+stu', 'cto+stu', 'kim+stu', 'ceo+eng', 'cto+eng', 'eng+kim'].includes(pair);
    };
    expect(meetings.length).toBe(3);
    for (const [a, b] of meetings) expect(allowed(a!, b!)).toBe(true);
    expect(round.matchingRules).toMatchObject({ sameCompany: 'forbid', whoCanMeet: [{ who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] }, expect.anything()] });
    expect(JSON.parse(round.matchingRules.document)).toMatchObject({ version: 1, sameCompany: 'forbid', weights: { interest: 2, text: 0.3 } });

    // New rules apply to the next generation, not to this draft: it is still judged with the rules it was generated with.
    expectData(await t.gql(SET, { input: { eventId, rules: { sameCompany: 'penalty' } } }, organiser));
    const problems = async () => expectData(await t.gql(`query ($id: ID!) { round(id: $id) { draftProblems { rule attendeeA attendeeB } } }`, { id: roundId }, organiser)).round.draftProblems;
    expect(await problems()).toEqual([]);
    // A ticket type changed since generation breaks a who-can-meet rule of the draft's rules: listed, and publishing is refused.
    const founderWithInvestor = meetings.find((m) => m.some((id) => name.get(id)!.startsWith('vc')))!;
    const founder = founderWithInvestor.find((id) => !name.get(id)!.startsWith('vc'))!;
    expectData(await t.gql(`mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { ticketType role } } }`, { input: { id: founder, role: 'engineer' } }, organiser));
    expect(await problems()).toEqual([expect.objectContaining({ rule: 'meeting-rule' })]);
    const refused = await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES' });
    expect(refused.errors?.[0]?.message).toContain('meeting-rule at');
    expectData(await t.gql(`mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { id } } }`, { input: { id: founder, role: 'founder' } }, organiser));
    expect(await problems()).toEqual([]);
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: roundId }, organiser));
  });

  it('imports conflicts of interest from a CSV: a header, groups per line, unknown reported, a dry run writing nothing; the pairs are never seated', async () => {
    const ceo = await emailOf(ids.ceo!);
    const csv = `Person,Knows,Also\n${ceo.toUpperCase()},vc1\n  KIM ,vc2,Nobody Known\nstu,eng,nobody@pairwise.test\n`;
    const dry = expectData(await t.gql(IMPORT, { e: eventId, csv, dryRun: true }, organiser)).importConflicts;
    expect(dry).toEqual({
      dryRun: true,
      lines: 3,
      added: 3,
      alreadyKnown: 0,
      unknown: [{ line: 3, value: 'Nobody Known' }, { line: 4, value: 'nobody@pairwise.test' }],
      header: ['Person', 'Knows', 'Also'],
      matching: { conflicts: 0 },
    });
    const done = expectData(await t.gql(IMPORT, { e: eventId, csv }, organiser)).importConflicts;
    expect(done).toMatchObject({ dryRun: false, added: 3, alreadyKnown: 0, matching: { conflicts: 3 } });
    expect(expectData(await t.gql(IMPORT, { e: eventId, csv }, organiser)).importConflicts).toMatchObject({ added: 0, alreadyKnown: 3, matching: { conflicts: 3 } });
    // Only investors with founders, and two of those pairs are conflicts: each investor has one founder left.
    expectData(await t.gql(SET, { input: { eventId, rules: { whoCanMeet: [{ who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] }] } } }, organiser));
    for (const n of ['One', 'Two']) {
      const roundId = await runRound(t, organiser, { eventId, name: `Conflicts ${n}`, startsAt: n === 'One' ? '2030-06-01T11:00:00Z' : '2030-06-01T12:00:00Z' }, { publish: false });
      const round = expectData(await t.gql(ROUND, { id: roundId }, organiser)).round;
      const pairs = round.meetings.edges.map((e: { node: { participants: { id: string }[] } }) => e.node.participants.map((p) => p.id).sort().join('+'));
      for (const [a, b] of [[ids.ceo, ids.vc1], [ids.kim, ids.vc2], [ids.stu, ids.eng]]) expect(pairs).not.toContain([a, b].sort().join('+'));
      expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: roundId }, organiser));
    }
  });

  it('refuses an ambiguous name (nothing imported), a line of one person, a NUL byte and an empty file, with reasons', async () => {
    await createAttendee(t, eventId, { name: 'Sam Same', present: false });
    await createAttendee(t, eventId, { name: 'sam  same', present: false });
    const before = expectData(await t.gql(GET, { e: eventId }, organiser)).matchingRules.conflicts;
    const ambiguous = await t.gql(IMPORT, { e: eventId, csv: 'a,b\neng,vc1\nSam Same,kim\n' }, organiser);
    expect(ambiguous.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONFLICT_NAME_AMBIGUOUS', ambiguous: [{ line: 3, value: 'Sam Same', matches: 2 }] });
    expect(expectData(await t.gql(GET, { e: eventId }, organiser)).matchingRules.conflicts).toBe(before);
    for (const csv of ['a,b\neng\n', '', 'a,b\n']) {
      expect((await t.gql(IMPORT, { e: eventId, csv }, organiser)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONFLICTS_FILE_INVALID' });
    }
    // NUL bytes never reach the service: every GraphQL string argument refuses them (common/validation.ts).
    expect((await t.gql(IMPORT, { e: eventId, csv: 'eng,vc1\u0000\n' }, organiser)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nul = await t.gql(SET, { input: { eventId, rules: { whoCanMeet: [{ who: { role: 'inv\u0000estor' }, notWith: [{ role: 'student' }] }] } } }, organiser);
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('opt-in: pairs who met in a published round of an earlier event of the same organiser are never paired again', async () => {
    const admin = await t.adminToken();
    const earlier = await createEvent(t, { startsOn: '2029-01-10', endsOn: '2029-01-10' });
    const later = await createEvent(t, { startsOn: '2030-06-01', endsOn: '2030-06-02' });
    for (const id of [earlier.id, later.id]) {
      expectData(await t.gql(`mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { organiser { id } } }`, { input: { eventId: id, email: organiserEmail, name: 'Olga Organiser' } }, admin));
    }
    const emails = ['ann@pairwise.test', 'bob@pairwise.test'];
    for (const email of emails) await createAttendee(t, earlier.id, { email, name: email, present: true });
    await runRound(t, admin, { eventId: earlier.id, name: 'Met', startsAt: '2029-01-10T10:00:00Z' });
    const people = [];
    for (const email of emails) people.push((await createAttendee(t, later.id, { email, name: email, present: true })).id);
    const generate = async (name: string, startsAt: string) => {
      const roundId = await runRound(t, admin, { eventId: later.id, name, startsAt }, { publish: false });
      return { roundId, round: expectData(await t.gql(ROUND, { id: roundId }, admin)).round };
    };
    const without = await generate('Without opt-in', '2030-06-01T10:00:00Z');
    expect(without.round.meetings.edges).toHaveLength(1);
    // Cancelled: its pair is released, so only the opt-in can keep them apart next.
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: without.roundId }, admin));
    const set = expectData(await t.gql(SET, { input: { eventId: later.id, conflictsFromEarlierEvents: true } }, admin)).setMatchingRules;
    expect(set.conflictsFromEarlierEvents).toBe(true);
    const withOptIn = (await generate('With opt-in', '2030-06-01T11:00:00Z')).round;
    expect(withOptIn.meetings.edges).toHaveLength(0);
    expect(withOptIn.leftOut).toEqual(expect.arrayContaining(people.map((attendeeId) => ({ attendeeId, reason: 'NO_COMPATIBLE_PARTNER' }))));
  });
});
