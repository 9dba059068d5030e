import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { getFragmentData } from '../../gql';
import { PageTitle } from '../../shared/layout/page-title';
import { paths } from '../../shared/paths';
import { OrganiserEventFieldsFragment, UpdateEventDocument } from './event.documents';
import { EventForm, type EventFormInput, type EventFormValues } from './event-form';
import { useOrganiserEvent } from './organiser-event';
import { vocabularyInput, vocabularyRows } from './vocabulary-editor';

/** Organisers: change the event (days, clock, venue, language, vocabulary). A new slug moves its pages' addresses. */
export function EventSettingsPage() {
  const { t } = useTranslation();
  const event = useOrganiserEvent();
  const [, navigate] = useLocation();
  const [state, updateEvent] = useMutation(UpdateEventDocument);
  const [savedAt, setSavedAt] = useState<number>();
  const initial: EventFormValues = {
    name: event.name,
    slug: event.slug,
    startsOn: event.startsOn ?? '',
    endsOn: event.endsOn ?? '',
    timeZone: event.timeZone,
    venue: event.venue ?? '',
    language: event.language ?? '',
    defaultRoundMinutes: String(event.defaultRoundMinutes),
    oddPolicy: event.oddPolicy,
    retentionDays: event.retentionDays == null ? '' : String(event.retentionDays),
    vocabulary: event.vocabulary,
  };
  const submit = async (input: EventFormInput) => {
    setSavedAt(undefined);
    // The vocabulary replaces the whole vocabulary: sent only when it changed.
    const unchanged = JSON.stringify(input.vocabulary) === JSON.stringify(vocabularyInput(vocabularyRows(event.vocabulary)));
    const { vocabulary, ...rest } = input;
    const result = await updateEvent({ input: { id: event.id, ...rest, ...(unchanged ? {} : { vocabulary }) } });
    const updated = getFragmentData(OrganiserEventFieldsFragment, result.data?.updateEvent);
    if (!updated) return;
    setSavedAt(Date.now());
    if (updated.slug !== event.slug) navigate(`~${paths.organiserEvent(updated.slug, 'settings')}`, { replace: true });
  };
  return (
    <>
      <PageTitle title={t('organiser.settings.title')} />
      <div role="status">{savedAt ? <p className="notice">{t('organiser.settings.saved')}</p> : null}</div>
      <EventForm initial={initial} submitLabel={t('organiser.settings.submit')} busy={state.fetching} error={state.error} onSubmit={submit} />
    </>
  );
}
