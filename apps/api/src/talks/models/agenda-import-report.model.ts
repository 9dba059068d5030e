import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImportReportBase } from '../../common/import-report.model';

export const AgendaFormat = defineEnum(['SESSIONIZE_JSON', 'CSV'], {
  name: 'AgendaFormat',
  description: 'SESSIONIZE_JSON: Sessionize\'s "All data" export (API view/All). CSV: one talk per line (id, title, starts at, duration or ends at, room, speaker email or speaker, tags)',
});
export type AgendaFormat = EnumValue<typeof AgendaFormat>;

@ObjectType({ description: 'A session of the file that was not imported (or not a talk), and why' })
export class AgendaSessionProblem {
  @Field({ description: 'Where it is in the file: "session 160121" (Sessionize) or "line 4" (CSV)' })
  where!: string;

  @Field(() => String, { nullable: true, description: "The session's id in the file" })
  sessionId!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'A speaker of the file who is not an attendee of the event (by email, else by name): their sessions are not imported unless a co-speaker is an attendee' })
export class UnmatchedSpeaker {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [String], { description: 'Ids of their sessions in the file' })
  sessions!: string[];

  @Field({ description: 'Why: no attendee with this email, no attendee with this name, or several attendees with this name' })
  reason!: string;
}

@ObjectType({ description: 'What an agenda import did; importing the same file again reports every talk unchanged' })
export class AgendaImportReport extends ImportReportBase {
  @Field(() => AgendaFormat)
  format!: AgendaFormat;

  @Field(() => Int, { description: 'Sessions (or CSV lines) read' })
  sessions!: number;

  @Field(() => [AgendaSessionProblem], { description: 'Sessions not imported, with the reason (bad time, outside the event days, no speaker who is an attendee…)' })
  rejected!: AgendaSessionProblem[];

  @Field(() => [AgendaSessionProblem], { description: 'Sessions that are not talks (Sessionize service sessions: breaks, lunch)' })
  skipped!: AgendaSessionProblem[];

  @Field(() => [UnmatchedSpeaker])
  unmatchedSpeakers!: UnmatchedSpeaker[];

  @Field(() => [String], { description: 'Co-speakers who do not give the talk (a talk has one speaker: the first listed who is an attendee)' })
  notes!: string[];

  @Field(() => [String], { description: 'CSV tags not in the event vocabulary (kept on the talks)' })
  unknownTags!: string[];

  @Field(() => [String], { description: 'Sessionize category items that are not vocabulary tags (levels, formats, unknown topics): not made tags' })
  ignoredCategories!: string[];
}
