import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/paging';
import { MeetingRequestStatus } from '../models/meeting-request.model';

@InputType()
export class RequestMeetingInput {
  @Field(() => ID, { description: 'The attendee of your event you would like to meet' })
  @IsUUID('all', { message: 'must be an attendee id' })
  attendeeId!: string;

  @Field(() => String, { nullable: true, description: 'A short message for them, up to 280 characters (MESSAGE_TOO_LONG beyond)' })
  @IsOptional()
  @IsString()
  message?: string;
}

@InputType()
export class RespondToMeetingRequestInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a meeting request id' })
  id!: string;

  @Field({ description: 'true to accept, false to decline' })
  @IsBoolean()
  accept!: boolean;
}

@ArgsType()
export class EventMeetingRequestsArgs extends PageArgs({ first: 50, max: 200 }) {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => MeetingRequestStatus, { nullable: true, description: 'Only requests in this status (as read: EXPIRED included)' })
  @IsOptional()
  @IsEnum(MeetingRequestStatus)
  status?: MeetingRequestStatus;
}
