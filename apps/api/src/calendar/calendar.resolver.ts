import { Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import type { GraphqlContext } from '../common/graphql-context';
import { CalendarService } from './calendar.service';

@ObjectType({ description: 'Subscribe to this URL in a calendar app; keep it private' })
export class CalendarFeed {
  @Field()
  url!: string;
}

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendarService: CalendarService) {}

  @Mutation(() => CalendarFeed, { description: 'Attendees: a calendar feed URL of your meetings (a new one revokes the previous)' })
  async issueCalendarFeed(@CurrentActor() actor: Actor, @Context() context: GraphqlContext): Promise<CalendarFeed> {
    const token = await this.calendarService.issueToken(actor);
    return { url: `${baseUrl(context)}/attendees/me/meetings.ics?token=${token}` };
  }
}

/** The URL the caller reached us at (behind a proxy: its forwarded host and protocol). */
function baseUrl(context: GraphqlContext): string {
  const header = (name: string) => {
    const value = context.req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const protocol = header('x-forwarded-proto')?.split(',')[0] ?? 'http';
  const host = header('x-forwarded-host') ?? header('host') ?? 'localhost';
  return `${protocol}://${host}`;
}
