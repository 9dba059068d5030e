import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * What every import of a file reports, whatever it imports (attendees, an agenda): whether it was a
 * dry run, how the bytes were read, what it wrote, and the columns it did not know. Each import's
 * report extends it with its own rows and problems.
 */
@ObjectType({ isAbstract: true })
export abstract class ImportReportBase {
  @Field({ description: 'Nothing was written: this is what the import would do' })
  dryRun!: boolean;

  @Field(() => String, { nullable: true, description: 'The encoding the uploaded bytes were read in: utf-8, utf-16le, utf-16be or windows-1252 (null when the file came as text)' })
  encoding!: string | null;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [String], { description: 'CSV columns that were not recognised, so not imported' })
  ignoredColumns!: string[];
}
