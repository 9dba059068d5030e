import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why a talk, its speaker's office hours or an agenda import were refused. */
export const talksError = defineErrorReasons('TalksErrorReason', 'Why a talk, its office hours or an agenda import were refused.', {
  SPEAKER_NOT_ATTENDEE: { category: 'BAD_USER_INPUT', description: 'The speaker must be an attendee of the talk’s event (field `speakerId`).' },
  OWN_TALK: { category: 'BAD_USER_INPUT', description: 'Speakers do not book their own office hours.' },
  SLOTS_PUBLISHED: { category: 'CONFLICT', description: 'The office hours are already published: they cannot be allocated again.' },
  SLOTS_NOT_ALLOCATED: { category: 'CONFLICT', description: 'The slots must be allocated before they are published.' },
  SLOTS_CLASH: {
    category: 'CONFLICT',
    description:
      'A granted slot clashes with its holder’s schedule since the allocation (a talk they give, another slot, a published round, their availability windows): allocate again. `extensions.clashes` lists each (talkId, slot, attendeeId, takenBy).',
  },
  AGENDA_EMPTY: { category: 'BAD_USER_INPUT', description: 'The agenda file is empty, or has no session.' },
  AGENDA_MALFORMED: { category: 'BAD_USER_INPUT', description: 'The agenda file is not valid JSON or CSV (the message says where).' },
  AGENDA_WRONG_SHAPE: { category: 'BAD_USER_INPUT', description: 'The JSON is not a Sessionize "All data" export.' },
  AGENDA_CSV_COLUMNS: { category: 'BAD_USER_INPUT', description: 'The agenda CSV lacks required columns (the message names them).' },
  AGENDA_NUL_CHARACTER: { category: 'BAD_USER_INPUT', description: 'The agenda file contains a NUL character: it is not text.' },
  AGENDA_ONE_SOURCE: { category: 'BAD_USER_INPUT', description: 'The agenda file comes once: as text in `file` or as its bytes in `fileBase64`, one of the two.' },
});
export const TalksErrorReason = talksError.reason;
export type TalksErrorReason = ReasonOf<typeof talksError>;
