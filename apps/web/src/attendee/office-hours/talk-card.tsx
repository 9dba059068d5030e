import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { TalkFieldsFragment } from '../../shared/talk.documents';
import { dayIn, formatDay, formatTime } from '../../shared/time';
import { AskToMeet } from '../requests/ask-to-meet';
import { MySlotRequestFragment, RequestSpeakerSlotDocument, TalkCardFragment, WithdrawSpeakerSlotRequestDocument } from './office-hours.documents';
import { FormActions } from '../form-actions';

type Request = { question: string; status: 'GRANTED' | 'PENDING' | 'STANDBY'; slotStartsAt?: string | null; slotEndsAt?: string | null; standbyRank?: number | null };

/** One talk: who, when, where; then the attendee's request for a slot after it, and its outcome. */
export function TalkCard({ talk, timeZone, me, tagLabels }: { talk: FragmentType<typeof TalkCardFragment>; timeZone: string; me: string; tagLabels: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const card = getFragmentData(TalkCardFragment, talk);
  const data = { ...card, ...getFragmentData(TalkFieldsFragment, card) };
  const loaded = getFragmentData(MySlotRequestFragment, data.requests[0]) as Request | undefined;
  const [requested, requestSlot] = useMutation(RequestSpeakerSlotDocument);
  const [withdrawn, withdrawRequest] = useMutation(WithdrawSpeakerSlotRequestDocument);
  // What the API last answered for this talk: a request made or changed, a request withdrawn (null), else what the page loaded.
  const [mine, setMine] = useState<Request | null | undefined>(undefined);
  const request = mine === undefined ? loaded : mine;
  const [editing, setEditing] = useState(false);
  const [question, setQuestion] = useState(request?.question ?? '');

  const time = (iso: string) => formatTime(iso, timeZone, i18n.language);
  const day = dayIn(data.startsAt, timeZone) === dayIn(new Date(), timeZone) ? t('attendee.officeHours.today') : formatDay(data.startsAt, timeZone, i18n.language);
  const speaker = [data.speaker.name ?? t('attendee.home.partnerUnnamed'), data.speaker.role, data.speaker.company].filter(Boolean).join(' · ');
  const ownTalk = data.speaker.id === me;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await requestSlot({ input: { talkId: data.id, question } });
    const made = getFragmentData(MySlotRequestFragment, answer.data?.requestSpeakerSlot);
    if (made) {
      setMine(made as Request);
      setEditing(false);
    }
  };
  const withdraw = async () => {
    const answer = await withdrawRequest({ talkId: data.id });
    if (answer.data) {
      setMine(null);
      setQuestion('');
    }
  };

  const outcome = (current: Request) => {
    if (current.status === 'GRANTED' && current.slotStartsAt && current.slotEndsAt) {
      return t('attendee.officeHours.granted', { from: time(current.slotStartsAt), to: time(current.slotEndsAt), place: data.location ?? t('attendee.officeHours.nearStage') });
    }
    if (current.status === 'STANDBY') return t('attendee.officeHours.standby', { rank: current.standbyRank ?? '?' });
    return t('attendee.officeHours.pending');
  };

  return (
    <li className="card talk">
      <h2 id={`${id}-title`}>{data.title}</h2>
      <p className="talk-speaker">{speaker}</p>
      {ownTalk ? null : <AskToMeet attendeeId={data.speaker.id} name={data.speaker.name ?? t('attendee.home.partnerUnnamed')} />}
      <p className="talk-when">
        {t('attendee.officeHours.when', { day, from: time(data.startsAt), to: time(data.endsAt) })}
        {data.location ? ` · ${data.location}` : ''}
      </p>
      {data.tags.length ? <p className="hint">{data.tags.map((tag) => tagLabels.get(tag) ?? tag).join(', ')}</p> : null}
      <p className="talk-slots">{t('attendee.officeHours.slots', { count: data.slotCount, minutes: data.slotMinutes })}</p>
      {ownTalk ? (
        <p className="notice">{t('attendee.officeHours.yourTalk')}</p>
      ) : request && !editing ? (
        <div className={`slot-request status-${request.status.toLowerCase()}`}>
          <p className="slot-outcome" role="status">
            {outcome(request)}
          </p>
          <p>
            <span className="label">{t('attendee.officeHours.yourQuestion')}</span> {request.question}
          </p>
          {withdrawn.error ? <ErrorNotice error={withdrawn.error} /> : null}
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t('attendee.officeHours.changeQuestion')}
            </button>
            <button type="button" className="button-secondary" disabled={withdrawn.fetching} onClick={() => void withdraw()}>
              {t('attendee.officeHours.withdraw')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} aria-label={t('attendee.officeHours.requestFor', { title: data.title })}>
          {data.allocationStatus === 'PUBLISHED' && !request ? <p className="hint">{t('attendee.officeHours.lateRequest')}</p> : null}
          <div className="field">
            <label htmlFor={`${id}-question`}>{t('attendee.officeHours.question')}</label>
            <input id={`${id}-question`} value={question} maxLength={280} required onChange={(event) => setQuestion(event.target.value)} aria-describedby={`${id}-question-hint`} />
            <p className="hint" id={`${id}-question-hint`}>
              {t('attendee.officeHours.questionHint')}
            </p>
          </div>
          {requested.error ? <ErrorNotice error={requested.error} /> : null}
          <FormActions busy={requested.fetching} onCancel={request ? () => setEditing(false) : undefined}>
            {request ? t('attendee.officeHours.saveQuestion') : t('attendee.officeHours.request')}
          </FormActions>
        </form>
      )}
    </li>
  );
}
