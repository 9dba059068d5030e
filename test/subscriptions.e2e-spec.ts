import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { attendeeToken, createAttendee, createEventWithOrganiser, expectData, startTestApp, waitForRound, type TestApp } from '@pairwise/testing';

const SUBSCRIPTION = `subscription { meetingAssigned { id roundName table startsAt partners { id name email } sentence openingQuestion } }`;

/** Collects what a subscription delivers, and its error if it ends with one. */
function subscribe(client: Client, query: string) {
  const received: Record<string, any>[] = [];
  let failure: unknown;
  const finished = new Promise<void>((resolve) => {
    client.subscribe(
      { query },
      {
        next: (message) => {
          // A refused subscription arrives as one result carrying errors, then completes.
          if (message.errors?.length) failure = message.errors;
          else received.push(message.data as Record<string, any>);
        },
        error: (error) => {
          failure = error;
          resolve();
        },
        complete: resolve,
      },
    );
  });
  return { received, finished, failure: () => failure };
}

async function eventually(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('meetingAssigned across two API processes', () => {
  let publisher: TestApp;
  let listener: TestApp;
  let listenerUrl: string;
  const clients: Client[] = [];

  const wsClient = (token?: string) => {
    const client = createClient({
      url: listenerUrl.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    publisher = await startTestApp();
    // A second API process on the same database and secret: what a load balancer would spread clients over.
    listener = await startTestApp({ PAIRWISE_JWT_SECRET: publisher.config.auth.jwtSecret! }, { database: publisher.database });
    listenerUrl = await listener.listen();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await listener?.close();
    await publisher?.close();
  });

  it('delivers each attendee their meeting when a round is published on another process, and nothing before', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(publisher);
    const people = [];
    for (const name of ['Ada', 'Grace', 'Alan', 'Katherine']) {
      people.push(await createAttendee(publisher, eventId, { name, present: true, interests: ['rag', 'agents'], languages: ['en'] }));
    }
    const ada = subscribe(wsClient(await attendeeToken(publisher, people[0]!)), SUBSCRIPTION);
    const grace = subscribe(wsClient(await attendeeToken(publisher, people[1]!)), SUBSCRIPTION);
    const round = expectData(
      await publisher.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
        { input: { eventId, name: 'Morning round', startsAt: '2030-06-01T09:00:00Z', tables: ['T1', 'T2'] } },
        organiser,
      ),
    ).createRound;
    expectData(await publisher.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id } }, organiser));
    await waitForRound(publisher, round.id, organiser);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ada.received).toEqual([]); // a draft is not news
    expectData(await publisher.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser));
    await eventually(() => ada.received.length === 1 && grace.received.length === 1);
    const meeting = ada.received[0]!.meetingAssigned;
    expect(meeting).toMatchObject({ roundName: 'Morning round', startsAt: '2030-06-01T09:00:00.000Z' });
    expect(['T1', 'T2']).toContain(meeting.table);
    expect(meeting.partners).toHaveLength(1);
    expect(meeting.partners[0].email).toBeNull();
    expect(meeting.openingQuestion).toMatch(/\?$/);
  });

  it('delivers office-hour slots when the programme’s office hours are published (publishOfficeHours): to the granted askers and the speaker, not to the standby; a released slot to the one promoted from standby and the speaker', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(publisher);
    const speaker = await createAttendee(publisher, eventId, { name: 'Sam Speaker', interests: ['rag'] });
    const granted = await createAttendee(publisher, eventId, { name: 'Greta Granted', interests: ['rag'] });
    const waiting = await createAttendee(publisher, eventId, { name: 'Wes Waiting', interests: ['agents'] });
    const talk = expectData(
      await publisher.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId, title: 'RAG in production', speakerId: speaker.id, startsAt: '2030-06-01T14:00:00Z', durationMinutes: 20, tags: ['rag'], slotCount: 1, slotMinutes: 5 } },
        organiser,
      ),
    ).createTalk;
    for (const [who, question] of [[granted, 'How do you evaluate retrieval?'], [waiting, 'Agents or pipelines?']] as const) {
      const token = await attendeeToken(publisher, who);
      expectData(await publisher.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question } }, token));
    }
    const SLOT = `subscription { meetingAssigned { kind talkId roundName startsAt endsAt openingQuestion partners { name } } }`;
    const toSpeaker = subscribe(wsClient(await attendeeToken(publisher, speaker)), SLOT);
    const toGranted = subscribe(wsClient(await attendeeToken(publisher, granted)), SLOT);
    const toWaiting = subscribe(wsClient(await attendeeToken(publisher, waiting)), SLOT);
    expectData(await publisher.gql(`mutation ($e: ID!) { allocateOfficeHours(eventId: $e) { slotsGranted } }`, { e: eventId }, organiser));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toGranted.received).toEqual([]); // an allocation is a draft
    expectData(await publisher.gql(`mutation ($e: ID!) { publishOfficeHours(eventId: $e) { allocationStatus } }`, { e: eventId }, organiser));
    await eventually(() => toSpeaker.received.length === 1 && toGranted.received.length === 1);
    const slot = { kind: 'OFFICE_HOURS', talkId: talk.id, startsAt: '2030-06-01T14:20:00.000Z', endsAt: '2030-06-01T14:25:00.000Z', openingQuestion: 'How do you evaluate retrieval?' };
    expect(toGranted.received[0]!.meetingAssigned).toMatchObject({ ...slot, partners: [{ name: 'Sam Speaker' }] });
    expect(toSpeaker.received[0]!.meetingAssigned).toMatchObject({ ...slot, partners: [{ name: 'Greta Granted' }] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toWaiting.received).toEqual([]);

    // Greta gives her slot up: Wes, first on standby, is promoted and told at once, as is the speaker; Greta hears nothing.
    expectData(await publisher.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talk.id }, await attendeeToken(publisher, granted)));
    await eventually(() => toWaiting.received.length === 1 && toSpeaker.received.length === 2);
    const promoted = { ...slot, openingQuestion: 'Agents or pipelines?' };
    expect(toWaiting.received[0]!.meetingAssigned).toMatchObject({ ...promoted, partners: [{ name: 'Sam Speaker' }] });
    expect(toSpeaker.received[1]!.meetingAssigned).toMatchObject({ ...promoted, partners: [{ name: 'Wes Waiting' }] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toGranted.received).toHaveLength(1);
    expect(toWaiting.received).toHaveLength(1);
  });

  it('ends a subscription whose session was signed out, on any process, delivering nothing more', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(publisher);
    const [ada, grace] = [
      await createAttendee(publisher, eventId, { name: 'Ada', present: true, interests: ['rag'], languages: ['en'] }),
      await createAttendee(publisher, eventId, { name: 'Grace', present: true, interests: ['rag'], languages: ['en'] }),
    ];
    const adaToken = await attendeeToken(publisher, ada);
    const toAda = subscribe(wsClient(adaToken), SUBSCRIPTION);
    const toGrace = subscribe(wsClient(await attendeeToken(publisher, grace)), SUBSCRIPTION);
    await new Promise((resolve) => setTimeout(resolve, 200)); // both subscribed
    expectData(await publisher.gql(`mutation { signOut }`, {}, adaToken));
    const round = expectData(
      await publisher.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
        { input: { eventId, name: 'After sign-out', startsAt: '2030-06-02T09:00:00Z', tables: ['T1'] } },
        organiser,
      ),
    ).createRound;
    expectData(await publisher.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id } }, organiser));
    await waitForRound(publisher, round.id, organiser);
    expectData(await publisher.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser));
    await eventually(() => toGrace.received.length === 1);
    await toAda.finished; // completed by the server
    expect(toAda.received).toEqual([]);
    expect(toAda.failure()).toBeUndefined();
  });

  it('refuses anonymous subscribers and staff', async () => {
    const anonymous = subscribe(wsClient(), SUBSCRIPTION);
    await anonymous.finished;
    expect(JSON.stringify(anonymous.failure())).toContain('UNAUTHENTICATED');
    const admin = subscribe(wsClient(await publisher.adminToken()), SUBSCRIPTION);
    await admin.finished;
    expect(JSON.stringify(admin.failure())).toContain('FORBIDDEN');
  });
});
