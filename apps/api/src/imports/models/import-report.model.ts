import { Field, Int, ObjectType } from '@nestjs/graphql';

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
    description: 'email, name, firstName, lastName, company, role, seniority, stack, interests, lookingFor, canOffer, languages, bio, links or consentMatchmaking; null when not recognised (not imported)',
  })
  field!: string | null;
}

@ObjectType({ description: 'What an attendee import did; importing the same file again reports everything unchanged' })
export class ImportReport {
  @Field({ description: 'Nothing was written: this is what the import would do' })
  dryRun!: boolean;

  @Field(() => [ImportColumn], { description: 'Every column of the header line, in order, with the field it fills' })
  columns!: ImportColumn[];

  @Field(() => Int, { description: 'Attendee lines read' })
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [RejectedRow])
  rejected!: RejectedRow[];

  @Field(() => [String], { description: 'Tags not in the event vocabulary (kept on the profiles)' })
  unknownTags!: string[];

  @Field(() => [String], { description: 'CSV columns that were not recognised, so not imported' })
  ignoredColumns!: string[];
}
