import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { attendeeToken, closeLater, createAttendee, createEventWithOrganiser, createTestDatabase, expectData, remoteApi, startApiProcess, startNginx, waitForRound, type AttendeeFixture, type GraphqlCaller, type RunningApi, type TestDatabase, type TestNginx } from '@pairwise/testing';

// Two real API processes behind a real nginx, a dozen WebSocket clients, a process killed and clients
// reconnecting: minutes on a busy machine.
jest.setTimeout(900_000);

const ADMIN = { email: 'proxy-admin@pairwise.test', password: 'proxy-admin-password' };
const ATTENDEES = 12;
const MEETING = `id roundId publishedAt table partners { id }`;

interface Meeting {
  id: string;
  roundId: string;
  publishedAt: string;
  table: string;
  partners: { id: string }[];
}

async function eventually(check: () => boolean, what: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * An attendee's phone: subscribed to meetingAssigned through the proxy; when its connection drops it
 * connects again (through the proxy, so to whichever process is up) and asks for what it missed since
 * the latest `publishedAt` it received — or since it first subscribed.
 */
class Phone {
  readonly received: Meeting[] = [];
  /** The API process each connection reached (nginx's X-Upstream), in order. */
  readonly upstreams: string[] = [];
  connections = 0;
  private client?: Client;
  private closed = false;

  constructor(
    private readonly proxyUrl: string,
    readonly attendee: AttendeeFixture,
    private readonly token: string,
    private readonly since: string,
  ) {}

  start(): void {
    if (this.closed) return;
    this.connections++;
    const upstreams = this.upstreams;
    const client = createClient({
      url: `${this.proxyUrl.replace('http', 'ws')}/graphql`,
      // The ws library's socket, telling which process nginx chose for it.
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols);
          this.once('upgrade', (response: IncomingMessage) => upstreams.push(String(response.headers['x-upstream'])));
        }
      },
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
      lazy: false,
      // A dropped connection is expected here (a process is killed): the subscription's sink reconnects.
      onNonLazyError: () => undefined,
    });
    this.client = client;
    const cursor = this.received.at(-1)?.publishedAt ?? this.since;
    const reconnect = () => {
      if (this.closed || this.client !== client) return;
      void client.dispose();
      setTimeout(() => this.start(), 100);
    };
    client.subscribe<{ meetingAssigned: Meeting }>(
      { query: `subscription ($since: DateTime) { meetingAssigned(since: $since) { ${MEETING} } }`, variables: { since: cursor } },
      {
        next: (message) => {
          if (message.errors?.length) throw new Error(`subscription refused: ${JSON.stringify(message.errors)}`);
          this.received.push(message.data!.meetingAssigned);
        },
        error: reconnect,
        complete: reconnect,
      },
    );
  }

  /** The meetings received for one round. */
  of(roundId: string): Meeting[] {
    return this.received.filter((meeting) => meeting.roundId === roundId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.dispose();
  }
}

describe('subscriptions across two API processes behind nginx', () => {
  let database: TestDatabase;
  let apis: RunningApi[];
  let nginx: TestNginx;
  let proxy: GraphqlCaller;
  const secret = randomBytes(32).toString('hex');

  const startApi = (): Promise<RunningApi> =>
    startApiProcess({
      databaseUrl: database.url,
      secret,
      admin: ADMIN,
      // nginx on loopback is trusted to say who the client is.
      env: { PAIRWISE_TRUST_PROXY: 'loopback', PAIRWISE_RATE_LIMIT_PER_MINUTE: '1000000', PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: '1000000' },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    closeLater(() => database.drop());
    apis = await Promise.all([startApi(), startApi()]);
    nginx = await startNginx(apis.map((api) => api.port));
    closeLater(() => nginx.close());
    proxy = remoteApi(nginx.url, ADMIN);
  });

  it('delivers every attendee their own meeting exactly once, and after a process is killed under load, what they missed', async () => {
    const { event, organiser: { token: organiser } } = await createEventWithOrganiser(proxy);
    const attendees: AttendeeFixture[] = [];
    for (let i = 0; i < ATTENDEES; i++) {
      attendees.push(await createAttendee(proxy, event.id, { name: `Guest ${i}`, present: true, interests: ['rag', 'agents'], languages: ['en'] }));
    }
    const tokens = new Map<string, string>();
    for (const attendee of attendees) tokens.set(attendee.id, await attendeeToken(proxy, attendee));
    // Rounds drafted now, published later: a draft is not news.
    const rounds: string[] = [];
    for (const [index, name] of ['Morning', 'Noon'].entries()) {
      const round = expectData(
        await proxy.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name, startsAt: `2030-06-0${index + 1}T09:00:00Z` } }, organiser),
      ).createRound;
      expectData(await proxy.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id } }, organiser));
      expect((await waitForRound(proxy, round.id, organiser)).status).toBe('GENERATED');
      rounds.push(round.id);
    }
    const [morning, noon] = rounds as [string, string];
    const publish = (roundId: string) => proxy.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser).then(expectData);
    const myMeetings = async (attendee: AttendeeFixture): Promise<Meeting[]> => expectData(await proxy.gql(`{ myMeetings { ${MEETING} } }`, {}, tokens.get(attendee.id))).myMeetings;

    // Every phone subscribes from "now": a meeting published before its subscription reached the server still arrives, once.
    const subscribedAt = new Date().toISOString();
    const phones = attendees.map((attendee) => new Phone(nginx.url, attendee, tokens.get(attendee.id)!, subscribedAt));
    closeLater(() => Promise.all(phones.map((phone) => phone.close())).then(() => undefined));
    for (const phone of phones) phone.start();
    await eventually(() => phones.every((phone) => phone.upstreams.length === 1), 'every phone connected');
    // nginx spread them over both processes.
    const ports = apis.map((api) => `127.0.0.1:${api.port}`);
    for (const port of ports) expect(phones.filter((phone) => phone.upstreams[0] === port).length).toBeGreaterThan(0);

    await publish(morning);
    await eventually(() => phones.every((phone) => phone.of(morning).length >= 1), 'the morning meetings');
    for (const phone of phones) {
      // Their own meeting: the one myMeetings gives them, with them not among the partners.
      const [own] = (await myMeetings(phone.attendee)).filter((meeting) => meeting.roundId === morning);
      expect(phone.of(morning)).toEqual([own]);
      expect(own!.partners.map((partner) => partner.id)).not.toContain(phone.attendee.id);
      expect(own!.publishedAt).toEqual(expect.any(String));
    }

    // Load through the proxy (every attendee asking for their meetings, 8 at a time), then one process killed with SIGKILL.
    let loading = true;
    const answered = { ok: 0, failed: 0, okAfterKill: 0 };
    let killed = false;
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = lane; loading; i += 8) {
          const response = await proxy.gql(`{ myMeetings { id } }`, {}, tokens.get(attendees[i % ATTENDEES]!.id)).catch(() => undefined);
          if (response?.data && !response.errors) {
            answered.ok++;
            if (killed) answered.okAfterKill++;
          } else answered.failed++;
        }
      }),
    );
    await eventually(() => answered.ok > 50, 'load under way');
    const victim = apis[1]!;
    const onVictim = phones.filter((phone) => phone.upstreams.at(-1) === `127.0.0.1:${victim.port}`);
    expect(onVictim.length).toBeGreaterThan(0);
    await victim.process.kill();
    killed = true;
    // Published at once: the victim's phones are still reconnecting, and must not miss it.
    await publish(noon);
    await eventually(() => phones.every((phone) => phone.of(noon).length >= 1), 'the noon meetings, after the kill');
    await eventually(() => answered.okAfterKill > 50, 'load served after the kill');
    loading = false;
    await load;

    for (const phone of phones) {
      const own = await myMeetings(phone.attendee);
      // Exactly once each: the morning's meeting was not replayed, the noon's arrived once, live or replayed.
      expect(phone.of(morning)).toEqual(own.filter((meeting) => meeting.roundId === morning));
      expect(phone.of(noon)).toEqual(own.filter((meeting) => meeting.roundId === noon));
      expect(phone.received).toHaveLength(2);
    }
    // The victim's phones reconnected through the proxy, to the process still up.
    for (const phone of onVictim) {
      expect(phone.connections).toBeGreaterThan(1);
      expect(phone.upstreams.at(-1)).toBe(`127.0.0.1:${apis[0]!.port}`);
    }
    process.stdout.write(`proxy load: ${answered.ok} myMeetings answered (${answered.okAfterKill} after the kill), ${answered.failed} failed; ${onVictim.length} phones reconnected\n`);
  });

  it('replays only the caller’s own meetings, and nothing before `since`', async () => {
    const { event, organiser: { token: organiser } } = await createEventWithOrganiser(proxy);
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await createAttendee(proxy, event.id, { name: `Replay ${i}`, present: true, interests: ['rag'], languages: ['en'] }));
    const round = expectData(
      await proxy.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name: 'Replayed', startsAt: '2030-06-03T09:00:00Z' } }, organiser),
    ).createRound;
    expectData(await proxy.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id } }, organiser));
    await waitForRound(proxy, round.id, organiser);
    const before = new Date(Date.now() - 60_000).toISOString();
    expectData(await proxy.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser));
    // Subscribed only now, with a cursor from before the publication: the meeting is replayed, to its own attendee only.
    const token = await attendeeToken(proxy, people[0]!);
    const phone = new Phone(nginx.url, people[0]!, token, before);
    closeLater(() => phone.close());
    phone.start();
    await eventually(() => phone.received.length === 1, 'the replayed meeting');
    const own = expectData(await proxy.gql(`{ myMeetings { ${MEETING} } }`, {}, token)).myMeetings;
    expect(phone.received).toEqual(own);
    // A cursor at its publication: nothing to replay.
    const later = new Phone(nginx.url, people[0]!, token, phone.received[0]!.publishedAt);
    closeLater(() => later.close());
    later.start();
    await eventually(() => later.upstreams.length === 1, 'the second phone connected');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(later.received).toEqual([]);
  });
});
