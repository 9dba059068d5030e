import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, References } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { TalkEntity } from './talk.entity';

/** A talk an attendee bookmarked: it is in their schedule (mySchedule) and their calendar feed. */
@Entity('talk_bookmarks')
@Index('ix_talk_bookmarks_attendee', ['attendeeId'])
export class TalkBookmarkEntity {
  @PrimaryColumn('uuid', { name: 'talk_id' })
  talkId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @References(() => TalkEntity, 'talk_id')
  talk?: TalkEntity;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @CreatedAt()
  createdAt!: Date;
}
