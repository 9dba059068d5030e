import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { CreateTalkInput } from '../../gql/graphql';
import { describeApiError } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { eventTimeToInstant, instantToEventTime } from '../../shared/time';
import type { OrganiserEvent } from '../events/organiser-event';
import { parseLabels, suggestedStart } from '../rounds/round-form';
import { SpeakerPicker, type Speaker } from './speaker-picker';
import { CreateTalkDocument } from './talks.documents';
import { SubmitButton } from '../../shared/layout/submit-button';

/** A new talk and the office hours its speaker offers right after it (slots of a few minutes, at a place). */
export function CreateTalkForm({ event, onCreated }: { event: OrganiserEvent; onCreated: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [result, createTalk] = useMutation(CreateTalkDocument);
  const [speaker, setSpeaker] = useState<Speaker>();
  const [checked, setChecked] = useState(false);
  const [startInvalid, setStartInvalid] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [defaultStart] = useState(() => instantToEventTime(suggestedStart(new Date()), event.timeZone));
  const problem = result.error ? describeApiError(result.error) : undefined;
  const invalid = (field: string) => Boolean(problem?.fields.some((entry) => entry.field === field || entry.field.endsWith(`.${field}`))) || undefined;

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setChecked(true);
    const form = new FormData(formEvent.currentTarget);
    const startsAt = eventTimeToInstant(String(form.get('startsAt') ?? ''), event.timeZone);
    setStartInvalid(!startsAt);
    if (!startsAt || !speaker) return;
    const location = String(form.get('location') ?? '').trim();
    const input: CreateTalkInput = {
      eventId: event.id,
      title: String(form.get('title') ?? '').trim(),
      speakerId: speaker.id,
      startsAt,
      durationMinutes: Number(form.get('durationMinutes')),
      slotCount: Number(form.get('slotCount')),
      slotMinutes: Number(form.get('slotMinutes')),
      tags: parseLabels(String(form.get('tags') ?? '')),
      ...(location ? { location } : {}),
    };
    const created = await createTalk({ input });
    if (!created.data) return;
    // A blank form for the next talk.
    setSpeaker(undefined);
    setChecked(false);
    setFormKey((key) => key + 1);
    onCreated();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.talks.create.title')}</h2>
      <form key={formKey} className="form form-grid" onSubmit={submit} noValidate={false}>
        {result.error ? <ErrorNotice error={result.error} /> : null}
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('organiser.talks.create.talkTitle')}</label>
          <input id={`${id}-name`} name="title" required maxLength={200} aria-invalid={invalid('title')} />
        </div>
        <SpeakerPicker eventId={event.id} value={speaker} onChange={setSpeaker} invalid={checked && !speaker} />
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('organiser.rounds.create.startsAt', { zone: event.timeZone })}</label>
          <input id={`${id}-start`} name="startsAt" type="datetime-local" required defaultValue={defaultStart} aria-invalid={startInvalid || invalid('startsAt')} aria-describedby={`${id}-start-hint`} />
          <p id={`${id}-start-hint`} className="hint">
            {startInvalid ? t('organiser.rounds.create.startInvalid') : t('organiser.rounds.create.startsAtHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>{t('organiser.talks.create.durationMinutes')}</label>
          <input id={`${id}-duration`} name="durationMinutes" type="number" required min={5} max={240} defaultValue={20} aria-invalid={invalid('durationMinutes')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-location`}>{t('organiser.talks.create.location')}</label>
          <input id={`${id}-location`} name="location" maxLength={120} aria-invalid={invalid('location')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-slots`}>{t('organiser.talks.create.slotCount')}</label>
          <input id={`${id}-slots`} name="slotCount" type="number" required min={0} max={100} defaultValue={4} aria-invalid={invalid('slotCount')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-slot-minutes`}>{t('organiser.talks.create.slotMinutes')}</label>
          <input id={`${id}-slot-minutes`} name="slotMinutes" type="number" required min={3} max={60} defaultValue={5} aria-invalid={invalid('slotMinutes')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tags`}>{t('organiser.talks.create.tags')}</label>
          <input id={`${id}-tags`} name="tags" autoComplete="off" aria-describedby={`${id}-tags-hint`} aria-invalid={invalid('tags')} />
          <p id={`${id}-tags-hint`} className="hint">
            {t('organiser.talks.create.tagsHint')}
          </p>
        </div>
        <div className="form-actions">
          <SubmitButton busy={result.fetching} busyLabel={t('organiser.rounds.create.submitting')}>
            {t('organiser.talks.create.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
