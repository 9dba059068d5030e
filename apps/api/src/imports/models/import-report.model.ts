import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImportReportBase } from '../../common/import-report.model';
import { LeftOutReason } from '../../rounds/models/round.model';

@ObjectType()
export class RejectedRow {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  line!: number;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'A column of the file and the profile field it fills' })
export class ImportColumn {
  @Field({ description: 'The header as written in the file' })
  header!: string;

  @Field(() => String, {
    nullable: true,
    description: 'email, name, firstName, lastName, company, role, seniority, ticketType, stack, interests, lookingFor, canOffer, languages, bio, links, consentMatchmaking or present; null when not recognised (not imported)',
  })
  field!: string | null;
}

@ObjectType({ description: 'Imported attendees who cannot be matched yet for one reason, and what to do about it' })
export class NotMatchable {
  @Field(() => LeftOutReason, { description: 'NO_CONSENT or NOT_PRESENT: the first rule they miss, as generateRound checks' })
  reason!: LeftOutReason;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'What to do about it, e.g. “Attendees check in at the venue (setMyPresence), organisers mark them present …”' })
  fix!: string;
}

@ObjectType({ description: 'What an attendee import did; importing the same file again reports everything unchanged' })
export class ImportReport extends ImportReportBase {
  @Field({ description: 'The column separator found in the header line: "," ";" or a tab' })
  delimiter!: string;

  @Field(() => [ImportColumn], { description: 'Every column of the header line, in order, with the field it fills' })
  columns!: ImportColumn[];

  @Field(() => Int, { description: 'Attendee lines read' })
  rows!: number;

  @Field(() => [RejectedRow])
  rejected!: RejectedRow[];

  @Field(() => [String], { description: 'Tags not in the event vocabulary (kept on the profiles)' })
  unknownTags!: string[];

  @Field(() => Int, { description: 'Imported attendees (created, updated or unchanged) who can be matched in a round now: consenting and checked in' })
  matchableNow!: number;

  @Field(() => [NotMatchable], { description: 'The other imported attendees, by reason, each with its fix' })
  notMatchableNow!: NotMatchable[];
}
