import { Controller, Get, Header, Query } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { calendarError, CalendarErrorReason } from './calendar.errors';
import { CalendarService } from './calendar.service';

/** Calendar apps cannot send a bearer token: the feed URL's secret is the credential. */
@Public()
@Controller('attendees/me')
export class CalendarController {
  constructor(private readonly calendarService: CalendarService) {}

  @Get('meetings.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=60')
  async meetings(@Query('token') token?: string): Promise<string> {
    if (!token || !/^[\w-]{20,100}$/.test(token)) throw calendarError(CalendarErrorReason.CALENDAR_TOKEN, 'The feed URL needs its token');
    return this.calendarService.feed(token);
  }
}
