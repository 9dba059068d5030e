import { eventSlugFrom } from './event-for-link';

describe('eventSlugFrom', () => {
  it('reads a slug, or one inside an address of the event', () => {
    expect(eventSlugFrom('paris-ai-days')).toBe('paris-ai-days');
    expect(eventSlugFrom(' Paris-AI-Days ')).toBe('paris-ai-days');
    expect(eventSlugFrom('/e/paris-ai-days/me')).toBe('paris-ai-days');
    expect(eventSlugFrom('https://pairwise.example/e/paris-ai-days/profile?x=1')).toBe('paris-ai-days');
    expect(eventSlugFrom('https://pairwise.example/sign-in?event=paris-ai-days')).toBe('paris-ai-days');
  });

  it('finds nothing in anything else', () => {
    for (const text of ['', '   ', null, undefined, 'Paris AI Days', '/organiser', 'https://evil.example/', '/e/../me', 'a--b', '/e/%00x/me']) {
      expect(eventSlugFrom(text)).toBeUndefined();
    }
  });
});
