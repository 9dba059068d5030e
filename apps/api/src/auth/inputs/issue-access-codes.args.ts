import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';

/** A page of the attendees table at most: what an organiser invites at once. */
export const MAX_CODES_AT_ONCE = 100;

@ArgsType()
export class IssueAccessCodesArgs {
  @Field(() => [ID], { description: `1 to ${MAX_CODES_AT_ONCE} attendees (repeats count once)` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CODES_AT_ONCE)
  @IsUUID('all', { each: true, message: 'must be an id' })
  attendeeIds!: string[];
}
