/** The same feed for calendar apps: `webcal://` opens the subscribe dialog of the phone's or computer's calendar. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://');
}
