import type { MailLanguage } from './strings';

const LOCALES: Record<MailLanguage, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Every time in a message is the event's wall clock, with the zone said once in the text. */
export class EventClock {
  private readonly timeFormat: Intl.DateTimeFormat;
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly zoneFormat: Intl.DateTimeFormat;

  constructor(
    language: MailLanguage,
    readonly timeZone: string,
  ) {
    const locale = LOCALES[language];
    this.timeFormat = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.dayFormat = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
    this.zoneFormat = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  }

  /** 14:20 */
  time(at: Date): string {
    return this.timeFormat.format(at);
  }

  /** Tuesday 3 December / mardi 3 décembre */
  day(at: Date): string {
    return this.dayFormat.format(at);
  }

  /** CET, UTC, GMT+1…: the zone's name as the locale writes it at that instant. */
  zone(at: Date): string {
    return this.zoneFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? this.timeZone;
  }

  /** Tuesday 3 December, 14:20 (CET) */
  moment(at: Date): string {
    return `${this.day(at)}, ${this.time(at)} (${this.zone(at)})`;
  }

  /** An event's dates (calendar days, no zone involved): "3 – 4 December 2026". */
  dates(startsOn: string | null, endsOn: string | null, language: MailLanguage): string | null {
    if (!startsOn) return null;
    const format = new Intl.DateTimeFormat(LOCALES[language], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    const start = new Date(`${startsOn}T12:00:00Z`);
    if (!endsOn || endsOn === startsOn) return format.format(start);
    return format.formatRange(start, new Date(`${endsOn}T12:00:00Z`));
  }
}
