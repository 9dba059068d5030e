import { defineEnum, type EnumValue } from '../../common/graphql-enum';
import { Field, ID, InterfaceType, ObjectType } from '@nestjs/graphql';
import { LOCAL_TIME_DOC } from '../../common/local-time';
import { LocalTimeFields, LocalTimeSpan } from '../../common/local-time.model';
import { MyMeeting } from '../../rounds/models/meeting-views.model';
import { LeftOutReason } from '../../rounds/models/round.model';
import { Talk } from '../../talks/models/talk.model';

export const ScheduleEntryKind = defineEnum(['TALK', 'OFFICE_HOURS', 'ROUND_MEETING', 'MEETING_REQUEST', 'SIT_OUT'], {
  name: 'ScheduleEntryKind',
  description:
    'TALK: a talk you bookmarked or give (TalkScheduleEntry); OFFICE_HOURS: an office-hour slot, as the speaker or as the one who asked; ROUND_MEETING: your table in a published round; MEETING_REQUEST: an accepted meeting request’s slot of its own (all three MeetingScheduleEntry); SIT_OUT: a published round you sit out, with why (SitOutScheduleEntry)',
});
export type ScheduleEntryKind = EnumValue<typeof ScheduleEntryKind>;

@InterfaceType({
  description: 'One item of your day, with its time in UTC and on the event’s clock',
  resolveType: (entry: { kind: ScheduleEntryKind }) =>
    entry.kind === ScheduleEntryKind.TALK ? TalkScheduleEntry : entry.kind === ScheduleEntryKind.SIT_OUT ? SitOutScheduleEntry : MeetingScheduleEntry,
})
@LocalTimeFields()
export abstract class ScheduleEntry extends LocalTimeSpan {
  @Field(() => ID, { description: 'Stable per item: `talk:<id>`, `meeting:<id>` (office hours `meeting:<talk id>:<slot>`), `sit-out:<round id>`' })
  id!: string;

  @Field(() => ScheduleEntryKind)
  kind!: ScheduleEntryKind;

  @Field({ description: 'The talk’s title, the round’s name, or “Office hours · <talk title>”' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Where: the talk’s room, the table' })
  place!: string | null;
}

@ObjectType({ implements: () => [ScheduleEntry], description: 'A talk you bookmarked, or give' })
export class TalkScheduleEntry extends ScheduleEntry {
  @Field(() => Talk)
  talk!: Talk;

  @Field({ description: 'You are its speaker' })
  speaking!: boolean;

  @Field({ description: 'You bookmarked it (bookmarkTalk)' })
  bookmarked!: boolean;
}

@ObjectType({ implements: () => [ScheduleEntry], description: 'A table of a published round, an office-hour slot, or a meeting request’s slot (as in myMeetings)' })
export class MeetingScheduleEntry extends ScheduleEntry {
  @Field(() => MyMeeting)
  meeting!: MyMeeting;

  @Field({ description: 'Office hours after your own talk (you are the speaker); false for everything else' })
  asSpeaker!: boolean;

  @Field(() => ID, { nullable: true, description: 'The accepted meeting request this table fulfils or this slot is for (see myMeetingRequests); null for the others' })
  meetingRequestId!: string | null;
}

@ObjectType({ implements: () => [ScheduleEntry], description: 'A published round in which you have no table' })
export class SitOutScheduleEntry extends ScheduleEntry {
  @Field(() => ID)
  roundId!: string;

  @Field(() => LeftOutReason)
  reason!: LeftOutReason;
}

@ObjectType({ description: 'Your day at the event, in time order' })
export class MySchedule {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: LOCAL_TIME_DOC.timeZone })
  timeZone!: string;

  @Field(() => [ScheduleEntry], { description: 'Talks, office hours, round tables, meeting requests’ slots and sit-outs, by start time' })
  entries!: ScheduleEntry[];
}
