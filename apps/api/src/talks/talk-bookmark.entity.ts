import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
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

  @ManyToOne(() => TalkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'talk_id' })
  talk?: TalkEntity;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: AttendeeEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
