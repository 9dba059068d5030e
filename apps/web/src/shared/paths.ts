/** Every address of the app, built in one place (the API owns /graphql, /health, /attendees/me/…, /events/…/reports/…). */
export const paths = {
  signIn: (next?: string) => (next ? `/sign-in?${new URLSearchParams({ next })}` : '/sign-in'),
  attendeeHome: (eventSlug: string) => `/e/${encodeURIComponent(eventSlug)}/me`,
  organiserHome: () => '/organiser',
  /** An event's staff pages: `/organiser/e/<slug>` and its sections (`attendees`, `rounds`, …). */
  organiserEvent: (eventSlug: string, section?: string) => `/organiser/e/${encodeURIComponent(eventSlug)}${section ? `/${section}` : ''}`,
  /** One round of an event, under its Rounds section. */
  organiserRound: (eventSlug: string, roundId: string) => `/organiser/e/${encodeURIComponent(eventSlug)}/rounds/${encodeURIComponent(roundId)}`,
  organiserNewEvent: () => '/organiser/events/new',
  /** The API's pairing report as a file (bearer token: fetched, then saved; organiser/reports/download.ts). */
  pairingsFile: (eventId: string, format: 'csv' | 'xlsx', roundId?: string) =>
    `/events/${encodeURIComponent(eventId)}/reports/pairings.${format}${roundId ? `?${new URLSearchParams({ round: roundId })}` : ''}`,
  /** The API's histogram of pair scores per round, an SVG picture (bearer token: organiser/reports/score-chart.tsx). */
  scoreChart: (eventId: string) => `/events/${encodeURIComponent(eventId)}/reports/scores.svg`,
  organiserAdmin: () => '/organiser/admin',
};

/**
 * Where to go after signing in: only a path of this app. `//evil.example` or `https://…` would leave
 * the site (an open redirect through a crafted sign-in link).
 */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if ([...next].some((character) => character.charCodeAt(0) < 0x20)) return undefined;
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/sign-in/')) return undefined;
  return next;
}
