import { startTestApp, type TestApp } from '@pairwise/testing';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers liveness without a token', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body.status).toBe('ok');
  });

  it('reports the database in readiness', async () => {
    const response = await t.http().get('/health/ready').expect(200);
    expect(response.body.details.database.status).toBe('up');
  });

  it('tags every response with a request id, keeping a sane one the client sent', async () => {
    const response = await t.http().get('/health').set('x-request-id', 'client-req-42').expect(200);
    expect(response.headers['x-request-id']).toBe('client-req-42');
  });
});
