import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/paging';

@InputType({ description: 'Which attendees to invite (all of the event when omitted)' })
export class InvitationFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those checked in (true) or not (false)' })
  @IsOptional()
  @IsBoolean()
  present?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Only these attendees' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true, message: 'must be attendee ids' })
  attendeeIds?: string[] | null;
}

@InputType()
export class SendInvitationsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Invite again those already invited' })
  @IsOptional()
  @IsBoolean()
  resend?: boolean | null;

  @Field(() => InvitationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InvitationFilter)
  filter?: InvitationFilter | null;
}

@InputType()
export class RequestSignInLinkInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field({ description: 'The event to sign in to' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be an event slug' })
  @MaxLength(64)
  eventSlug!: string;
}

@InputType()
export class SignInWithLinkInput {
  @Field({ description: 'The `token` of the link `…/sign-in?token=…`' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be the token of a sign-in link' })
  token!: string;
}

export const MAX_OUTBOX_PAGE = 100;

@ArgsType()
export class OutboxArgs extends PageArgs({ first: 20, max: MAX_OUTBOX_PAGE }) {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;
}
