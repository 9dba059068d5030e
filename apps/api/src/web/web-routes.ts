/**
 * Which requests the web app answers. The API owns these path families: an unknown path under one
 * of them is the API's 404 (JSON), never the app's HTML. The web app's own routes must start
 * elsewhere (`/sign-in`, `/e/<event>/…`, `/organiser/…`).
 */
const API_PATHS = [/^\/graphql(?:[/?]|$)/, /^\/health(?:[/?]|$)/, /^\/attendees\/me\//, /^\/events\/[^/]+\/reports\//];

/** Built by Vite with a content hash in every name: safe to cache for good. */
export const HASHED_ASSETS_DIR = 'assets';

export function isApiPath(url: string): boolean {
  return API_PATHS.some((pattern) => pattern.test(url));
}

/**
 * A browser navigation to a page of the app (a deep link such as `/e/demo/me` or `/sign-in?token=…`):
 * a GET or HEAD that accepts HTML, outside the API's paths and the hashed assets (a missing script is
 * a 404, not a page).
 */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (isApiPath(url) || url.startsWith(`/${HASHED_ASSETS_DIR}/`)) return false;
  return /(?:^|,)\s*text\/html\s*(?:[;,]|$)/i.test(accept ?? '');
}

/** Cache-Control for a file of the build, by its path relative to the build folder. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith(`${HASHED_ASSETS_DIR}/`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
