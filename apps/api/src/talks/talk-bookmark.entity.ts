import { Entity, Index } from 'typeorm';
import { CreatedAt } from '../database/columns';
import { TalkAttendeeEntity } from './talk.entity';

/** A talk an attendee bookmarked: it is in their schedule (mySchedule) and their calendar feed. */
@Entity('talk_bookmarks')
@Index('ix_talk_bookmarks_attendee', ['attendeeId'])
export class TalkBookmarkEntity extends TalkAttendeeEntity {
  @CreatedAt()
  createdAt!: Date;
}
