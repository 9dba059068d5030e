import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, References, UpdatedAt } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { MeetingEntity } from './meeting.entity';

/** One participant's word on a meeting; the note is for organisers only. */
@Entity('feedback')
@Check('ck_feedback_rating', 'rating IS NULL OR rating BETWEEN 1 AND 5')
export class FeedbackEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @References(() => MeetingEntity, 'meeting_id')
  meeting?: MeetingEntity;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @Column('boolean')
  met!: boolean;

  @Column('smallint', { nullable: true })
  rating!: number | null;

  @Column('boolean', { name: 'would_meet_again', nullable: true })
  wouldMeetAgain!: boolean | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
