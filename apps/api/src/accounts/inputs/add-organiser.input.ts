import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation';

@InputType()
export class AddOrganiserInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId!: string;

  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Field()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;
}
