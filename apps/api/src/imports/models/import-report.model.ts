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

@ObjectType({ description: 'What an attendee import did; importing the same file again reports everything unchanged' })
export class ImportReport {
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
