import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../../common/validation';

@InputType({ description: 'Staff sign in with email and password (admin) or an access code; attendees with their access code' })
export class LoginInput {
  @Field({ description: 'In any case, spaces around it ignored' })
  @Trimmed()
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(64)
  accessCode?: string;
}
