import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';

@ArgsType()
export class ConsentNoticeArgs {
  @Field({ description: 'The version of the privacy notice shown, e.g. "2026-11"' })
  @IsNotEmpty()
  @MaxLength(40)
  noticeVersion!: string;
}
