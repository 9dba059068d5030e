/**
 * Which event a sign-in link is asked for. The sign-in page knows no event of its own: it reads one
 * from `?event=` (a link organisers share, e.g. on a poster: /sign-in?event=paris-ai-days), from the
 * page that asked for the sign-in (`?next=/e/<event>/…`), or from the last event this device signed
 * in to; else the visitor types it (or pastes any address of the event's pages).
 */
const LAST_EVENT_KEY = 'pairwise.lastEvent';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An event slug from what was typed or pasted: a slug, or an address with /e/<slug>/ or ?event=<slug>; undefined if none. */
export function eventSlugFrom(text: string | null | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (SLUG.test(value.toLowerCase())) return value.toLowerCase();
  const inPath = /\/e\/([^/?#]+)/.exec(value)?.[1];
  const inQuery = /[?&]event=([^&#]+)/.exec(value)?.[1];
  const found = decodeURIComponent(inPath ?? inQuery ?? '').toLowerCase();
  return SLUG.test(found) ? found : undefined;
}

export function knownEventSlug(search: URLSearchParams): string | undefined {
  return eventSlugFrom(search.get('event')) ?? eventSlugFrom(search.get('next')) ?? eventSlugFrom(readLastEvent());
}

function readLastEvent(): string | null {
  try {
    return localStorage.getItem(LAST_EVENT_KEY);
  } catch {
    return null;
  }
}

export const lastEvent = {
  remember: (slug: string) => localStorage.setItem(LAST_EVENT_KEY, slug),
  forget: () => localStorage.removeItem(LAST_EVENT_KEY),
};
