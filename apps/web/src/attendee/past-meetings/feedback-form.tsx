import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql';
import { describeApiError } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { FeedbackFormFragment, SubmitFeedbackDocument } from './past-meetings.documents';
import { FormActions } from '../form-actions';

const RATINGS = [1, 2, 3, 4, 5] as const;
type Again = 'yes' | 'no' | '';

/**
 * What the attendee says about one meeting: whether it happened, how it was (1–5), whether they would
 * meet again, and a note only organisers read. Shows what was said, with a way to change it.
 */
export function FeedbackForm({ meetingId, roundName, feedback }: { meetingId: string; roundName: string; feedback: FragmentType<typeof FeedbackFormFragment> | null | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const given = getFragmentData(FeedbackFormFragment, feedback);
  const [result, submitFeedback] = useMutation(SubmitFeedbackDocument);
  // What the API last confirmed: the mutation's answer once there is one, else what the page loaded.
  const saved = getFragmentData(FeedbackFormFragment, result.data?.submitFeedback) ?? given;
  const [editing, setEditing] = useState(!given);
  const [didNotMeet, setDidNotMeet] = useState(given ? !given.met : false);
  const [rating, setRating] = useState<number | null>(given?.rating ?? null);
  const [again, setAgain] = useState<Again>(given?.wouldMeetAgain == null ? '' : given.wouldMeetAgain ? 'yes' : 'no');
  const [note, setNote] = useState(given?.note ?? '');
  const problem = result.error ? describeApiError(result.error) : undefined;
  const invalid = (field: string) => Boolean(problem?.fields.some((entry) => entry.field === field)) || undefined;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const met = !didNotMeet;
    const answer = await submitFeedback({
      input: { meetingId, met, rating: met ? rating : null, wouldMeetAgain: met && again ? again === 'yes' : null, note: note.trim() || null },
    });
    if (answer.data) setEditing(false);
  };

  if (!editing && saved) {
    const parts = saved.met
      ? [
          t('attendee.feedback.saidMet'),
          saved.rating ? t('attendee.feedback.saidRating', { rating: saved.rating }) : null,
          saved.wouldMeetAgain == null ? null : saved.wouldMeetAgain ? t('attendee.feedback.saidAgain') : t('attendee.feedback.saidNotAgain'),
        ]
      : [t('attendee.feedback.saidNotMet')];
    return (
      <div className="feedback-summary">
        <p role="status">
          <span className="label">{t('attendee.feedback.youSaid')}</span> {parts.filter(Boolean).join(' · ')}
        </p>
        {saved.note ? (
          <p className="feedback-note">
            <span className="label">{t('attendee.feedback.yourNote')}</span> {saved.note}
          </p>
        ) : null}
        <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
          {t('attendee.feedback.change')}
        </button>
      </div>
    );
  }

  return (
    <form className="form feedback-form" onSubmit={submit} aria-label={t('attendee.feedback.formLabel', { round: roundName })}>
      {problem ? <ErrorNotice error={result.error!} /> : null}
      <div className="field-check">
        <input id={`${id}-not-met`} type="checkbox" checked={didNotMeet} onChange={(event) => setDidNotMeet(event.target.checked)} />
        <label htmlFor={`${id}-not-met`}>{t('attendee.feedback.didNotMeet')}</label>
      </div>
      {didNotMeet ? null : (
        <>
          <fieldset className="choice-group rating">
            <legend>{t('attendee.feedback.rating')}</legend>
            <p className="hint" id={`${id}-rating-hint`}>
              {t('attendee.feedback.ratingHint')}
            </p>
            <div className="choices">
              {RATINGS.map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={`${id}-rating`}
                    value={value}
                    checked={rating === value}
                    onChange={() => setRating(value)}
                    aria-describedby={`${id}-rating-hint`}
                  />
                  <span>{value}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="choice-group">
            <legend>{t('attendee.feedback.again')}</legend>
            <div className="choices">
              {(['yes', 'no'] as const).map((value) => (
                <label key={value} className="choice">
                  <input type="radio" name={`${id}-again`} value={value} checked={again === value} onChange={() => setAgain(value)} />
                  <span>{value === 'yes' ? t('attendee.feedback.yes') : t('attendee.feedback.no')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('attendee.feedback.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={`${id}-note-hint`}
          aria-invalid={invalid('note')}
        />
        <p className="hint" id={`${id}-note-hint`}>
          {t('attendee.feedback.noteHint')}
        </p>
      </div>
      <FormActions busy={result.fetching} busyLabel={t('attendee.feedback.saving')} onCancel={saved ? () => setEditing(false) : undefined}>
        {t('attendee.feedback.save')}
      </FormActions>
    </form>
  );
}
