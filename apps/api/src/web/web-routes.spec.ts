import { cacheControlFor, isApiPath, wantsWebPage } from './web-routes';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('web routes', () => {
  it('sends browser navigations to app pages, deep links included', () => {
    for (const url of ['/', '/sign-in', '/sign-in?token=abc', '/e/demo/me', '/organiser/events/1', '/index.html']) {
      expect(wantsWebPage('GET', url, HTML)).toBe(true);
      expect(wantsWebPage('HEAD', url, 'text/html')).toBe(true);
    }
  });

  it('leaves the API paths to the API, whatever the client accepts', () => {
    for (const url of ['/graphql', '/graphql?query=x', '/graphql/x', '/health', '/health/ready', '/health/nope', '/attendees/me/meetings.ics?token=t', '/events/abc/reports/pairings.csv', '/events/abc/reports/unknown']) {
      expect(isApiPath(url)).toBe(true);
      expect(wantsWebPage('GET', url, HTML)).toBe(false);
    }
    // Names that merely start like an API path are the app's.
    expect(isApiPath('/graphqlx')).toBe(false);
    expect(isApiPath('/healthy')).toBe(false);
  });

  it('never answers HTML to a request that does not ask for it, a missing asset or another method', () => {
    expect(wantsWebPage('GET', '/e/demo/me', 'application/json')).toBe(false);
    expect(wantsWebPage('GET', '/e/demo/me', '*/*')).toBe(false);
    expect(wantsWebPage('GET', '/e/demo/me', undefined)).toBe(false);
    expect(wantsWebPage('GET', '/e/demo/me', 'text/htmlx')).toBe(false);
    expect(wantsWebPage('GET', '/assets/index-abc123.js', HTML)).toBe(false);
    expect(wantsWebPage('POST', '/e/demo/me', HTML)).toBe(false);
    expect(wantsWebPage('DELETE', '/', HTML)).toBe(false);
  });

  it('caches hashed assets for good and revalidates everything else', () => {
    expect(cacheControlFor('assets/index-abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
  });
});
