import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Field, ID, ObjectType } from '@nestjs/graphql';

export const ViewerRole = defineEnum(['ADMIN', 'ORGANISER', 'ATTENDEE'], { name: 'ViewerRole', description: 'What kind of user a token belongs to' });
export type ViewerRole = EnumValue<typeof ViewerRole>;

@ObjectType({ description: 'Who the current token belongs to' })
export class Viewer {
  @Field(() => ViewerRole)
  role!: ViewerRole;

  @Field(() => ID, { nullable: true, description: 'Staff account id (admins and organisers)' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Attendee id (attendees)' })
  attendeeId!: string | null;

  @Field(() => [ID], { description: 'Events this viewer organises (organisers) or attends (attendees); empty for admins, who see all' })
  eventIds!: string[];
}

@ObjectType({ description: 'A session: its token, until when the token works, and when to refresh it' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field({ description: 'The token and its session end then, unless refreshed before (attendees: the end of the event’s last day plus a grace day; staff: 12 h after the last refresh by default, 7 days after sign-in at most)' })
  expiresAt!: Date;

  @Field({ description: 'From then on, `refreshSession` (with this token) gives a longer-lasting token: half the token’s life' })
  refreshAfter!: Date;

  @Field(() => Viewer)
  viewer!: Viewer;
}

@ObjectType({ description: 'A one-time sign-in code: show it to its owner once; only its hash is stored' })
export class AccessCodeGrant {
  @Field()
  code!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => ID, { nullable: true })
  attendeeId!: string | null;

  @Field(() => ID, { nullable: true })
  accountId!: string | null;
}
