import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Attendee } from '../../attendees/models/attendee.model';

@ObjectType({ description: 'Your check-in code: show it as a QR code at the desk (or read it out); it only works at your event' })
export class CheckInCode {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: '`PW1-` and 44 letters, digits, `-` or `_`' })
  code!: string;

  @Field(() => [String], { description: 'The code as a QR code (medium error correction, a 2-module quiet zone): one string per row, `1` a dark module, `0` a light one' })
  qrRows!: string[];
}

@ObjectType({ description: 'Who was checked in' })
export class CheckInResult {
  @Field(() => Attendee)
  attendee!: Attendee;

  @Field({ description: 'They were already marked present (nothing changed)' })
  alreadyPresent!: boolean;

  @Field()
  checkedInAt!: Date;
}
