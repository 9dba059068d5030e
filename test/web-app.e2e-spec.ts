import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '@pairwise/testing';

/** What a browser sends when it navigates to a page. */
const NAVIGATION = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A build of the web app as Vite lays it out: index.html, hashed assets, a public file. */
async function fakeBuild(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pairwise-web-'));
  await fs.mkdir(path.join(root, 'assets'));
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Pairwise</title><div id="root">web-app-index</div>');
  const script = `console.log("app");${' '.repeat(2000)}`;
  await fs.writeFile(path.join(root, 'assets/index-Cx8f3a1B.js'), script);
  await fs.writeFile(path.join(root, 'assets/index-Cx8f3a1B.js.br'), brotliCompressSync(script));
  await fs.writeFile(path.join(root, 'assets/index-Cx8f3a1B.js.gz'), gzipSync(script));
  await fs.writeFile(path.join(root, 'assets/index-D3adb33f.css'), 'body{margin:0}');
  await fs.writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await fs.mkdir(path.join(root, '.vite'));
  await fs.writeFile(path.join(root, '.vite/manifest.json'), '{"index.html":{"file":"assets/index-Cx8f3a1B.js"}}');
  return root;
}

describe('the web app, served by the API process', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    root = await fakeBuild();
    t = await startTestApp({ PAIRWISE_WEB_DIR: root });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('answers / and deep links with the app page, never cached, with the page rules', async () => {
    for (const url of ['/', '/e/demo/me', '/sign-in?token=abc.def', '/organiser/events/42', '/index.html']) {
      const response = await t.http().get(url).set('accept', NAVIGATION);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('web-app-index');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    const head = await t.http().head('/e/demo/me').set('accept', 'text/html');
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('revalidates the page instead of downloading it again', async () => {
    const first = await t.http().get('/').set('accept', NAVIGATION);
    expect(first.headers.etag).toBeTruthy();
    const again = await t.http().get('/').set('accept', NAVIGATION).set('if-none-match', first.headers.etag!);
    expect(again.status).toBe(304);
  });

  it('serves hashed assets cached for good, other files revalidated', async () => {
    const script = await t.http().get('/assets/index-Cx8f3a1B.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe(IMMUTABLE);
    const style = await t.http().get('/assets/index-D3adb33f.css');
    expect(style.headers['content-type']).toMatch(/^text\/css/);
    expect(style.headers['cache-control']).toBe(IMMUTABLE);
    const icon = await t.http().get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends the compressed copy of the build to browsers that accept it, with the same caching', async () => {
    const brotli = await t.http().get('/assets/index-Cx8f3a1B.js').set('accept-encoding', 'br, gzip');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe(IMMUTABLE);
    const gzip = await t.http().get('/assets/index-Cx8f3a1B.js').set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toContain('console.log("app")');
    const plain = await t.http().get('/assets/index-Cx8f3a1B.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('console.log("app")');
    // The copies are not files of their own.
    expect((await t.http().get('/assets/index-Cx8f3a1B.js.br')).status).toBe(404);
  });

  it('answers a missing asset, a non-HTML request and any other method with the API 404, not the page', async () => {
    for (const call of [
      t.http().get('/assets/index-0ld0ld00.js').set('accept', '*/*'),
      t.http().get('/.vite/manifest.json'),
      t.http().get('/assets/index-0ld0ld00.js').set('accept', NAVIGATION),
      t.http().get('/e/demo/me').set('accept', 'application/json'),
      t.http().get('/e/demo/me'),
      t.http().post('/e/demo/me').set('accept', NAVIGATION).send({}),
    ]) {
      const response = await call;
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.text).not.toContain('web-app-index');
    }
  });

  it('leaves the API paths to the API: GraphQL, health, calendar feeds, reports', async () => {
    const graphql = await t.http().post('/graphql').set('content-type', 'application/json').set('accept', NAVIGATION).send({ query: '{ __typename }' });
    expect(graphql.body).toEqual({ data: { __typename: 'Query' } });
    const health = await t.http().get('/health').set('accept', NAVIGATION);
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    for (const url of ['/health/nope', '/graphql/nope', '/attendees/me/meetings.ics?token=nope', '/events/x/reports/pairings.csv', '/events/x/reports/nope']) {
      const response = await t.http().get(url).set('accept', NAVIGATION);
      expect({ url, status: response.status < 500, html: response.text.includes('web-app-index') }).toEqual({ url, status: true, html: false });
      expect(response.headers['content-type']).not.toMatch(/^text\/html/);
    }
    // GraphiQL is for development only: a browser opening /graphql here gets neither GraphiQL nor the app.
    const graphiql = await t.http().get('/graphql').set('accept', NAVIGATION);
    expect(graphiql.text).not.toMatch(/graphiql/i);
    expect(graphiql.text).not.toContain('web-app-index');
  });

  it('serves nothing outside the build folder', async () => {
    await fs.writeFile(path.join(path.dirname(root), 'pairwise-web-secret.txt'), 'a file next to the build: 7f3a9c');
    try {
      for (const url of [`/../${'pairwise-web-secret.txt'}`, '/..%2fpairwise-web-secret.txt', '/%2e%2e/pairwise-web-secret.txt', '/assets/..%2f..%2fpairwise-web-secret.txt']) {
        const response = await t.http().get(url).set('accept', '*/*');
        expect({ url, secret: response.text.includes('7f3a9c') }).toEqual({ url, secret: false });
      }
    } finally {
      await fs.rm(path.join(path.dirname(root), 'pairwise-web-secret.txt'), { force: true });
    }
  });
});

describe('the web app in production mode', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    root = await fakeBuild();
    t = await startTestApp({ NODE_ENV: 'production', PAIRWISE_WEB_DIR: root });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('serves the app and its assets, and no GraphiQL', async () => {
    const page = await t.http().get('/e/demo/me').set('accept', NAVIGATION);
    expect(page.status).toBe(200);
    expect(page.text).toContain('web-app-index');
    expect((await t.http().get('/assets/index-Cx8f3a1B.js')).headers['cache-control']).toBe(IMMUTABLE);
    const graphiql = await t.http().get('/graphql').set('accept', NAVIGATION);
    expect(graphiql.text).not.toMatch(/graphiql/i);
    expect(graphiql.text).not.toContain('web-app-index');
  });
});

describe('an API without a web build', () => {
  let t: TestApp;
  let empty: string;

  beforeAll(async () => {
    empty = await fs.mkdtemp(path.join(os.tmpdir(), 'pairwise-no-web-'));
    t = await startTestApp({ PAIRWISE_WEB_DIR: empty });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(empty, { recursive: true, force: true });
  });

  it('keeps answering its API, and 404 at /', async () => {
    expect((await t.http().get('/').set('accept', NAVIGATION)).status).toBe(404);
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
