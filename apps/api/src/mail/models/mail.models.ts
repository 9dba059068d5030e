import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/connection.model';

export const MailKindValue = defineEnum(
  ['INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE', 'MEETING_REQUEST', 'MEETING_REQUEST_ANSWER', 'MEETING_REQUEST_SLOT'],
  { name: 'MailKind', description: 'What a message is' },
);
export type MailKindValue = EnumValue<typeof MailKindValue>;

export const MailStatusValue = defineEnum(['QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'CANCELLED', 'HELD'], {
  name: 'MailStatus',
  description:
    'QUEUED (waiting, or being sent), SENT (the SMTP server accepted it), FAILED (refused or given up; see error), BOUNCED (the server refused the recipient), CANCELLED (no longer true or wanted: round cancelled, unsubscribed…), HELD (no SMTP server configured: kept in the outbox)',
});
export type MailStatusValue = EnumValue<typeof MailStatusValue>;

export enum MailLanguageValue {
  EN = 'en',
  FR = 'fr',
}
registerEnumType(MailLanguageValue, { name: 'MailLanguage', description: 'A language messages are written in' });

@ObjectType({ description: 'A message of the outbox, as stored: a sign-in link in it shows as token=hidden' })
export class OutboxMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => MailKindValue)
  kind!: MailKindValue;

  @Field(() => ID)
  attendeeId!: string;

  @Field({ description: 'The recipient address' })
  to!: string;

  @Field(() => MailStatusValue)
  status!: MailStatusValue;

  @Field(() => String, { nullable: true, description: 'Null until the message is rendered (when it is sent)' })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, { nullable: true })
  html!: string | null;

  @Field(() => Int, { description: 'Tries the SMTP server refused or deferred' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'The SMTP answer of a failed or bounced try, or why the message was cancelled or held' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'The Message-ID header: the same on every try' })
  messageId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The invitation run that queued it' })
  runId!: string | null;

  @Field({ description: 'Not sent before this time (reminders: the configured time before the meeting)' })
  sendAfter!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class OutboxConnection extends Connection(OutboxMessage, 'OutboxEdge') {
  @Field(() => Int, { description: 'Messages of the event in all' })
  totalCount!: number;
}

@ObjectType({ description: 'Where the messages of an invitation run are' })
export class InvitationProgress {
  @Field(() => Int, { description: 'Waiting to be sent' })
  queued!: number;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int, { description: 'Kept in the outbox: no SMTP server is configured' })
  held!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  bounced!: number;

  @Field(() => Int)
  cancelled!: number;

  @Field({ description: 'True when no message of the run is waiting any more' })
  done!: boolean;
}

@ObjectType({ description: 'One sendInvitations call' })
export class InvitationRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  resend!: boolean;

  @Field(() => Int, { description: 'Attendees who matched the filter' })
  matched!: number;

  @Field(() => Int, { description: 'Messages queued: one per matched attendee not invited before (all of them with resend) and not unsubscribed' })
  queued!: number;

  @Field(() => Int, { description: 'Matched attendees who got no new message: invited before, or unsubscribed' })
  skipped!: number;

  @Field(() => InvitationProgress)
  progress!: InvitationProgress;

  @Field()
  createdAt!: Date;
}
