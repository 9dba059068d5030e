/** An event's days as people write them ("12 – 13 June 2027", "12–13 juin 2027"); its dates are calendar days, not instants. */
export function formatEventDays(event: { startsOn?: string | null; endsOn?: string | null }, language: string): string {
  if (!event.startsOn) return '';
  // Noon UTC read in UTC: the calendar day as written, whatever the browser's zone.
  const day = (date: string) => new Date(`${date}T12:00:00Z`);
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const end = event.endsOn ?? event.startsOn;
  return end === event.startsOn ? format.format(day(event.startsOn)) : format.formatRange(day(event.startsOn), day(end));
}
