import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { PageTitle } from '../../shared/layout/page-title';
import { paths } from '../../shared/paths';
import { useSession } from '../../shared/session';
import { OrganiserLayout, useStaffNav } from '../organiser-layout';
import { CreateEventDocument } from './event.documents';
import { EMPTY_EVENT, EventForm, type EventFormInput } from './event-form';

/** Admins: a new event; then its attendees page, where the import starts. */
export function CreateEventPage() {
  const { t } = useTranslation();
  const nav = useStaffNav();
  const session = useSession();
  const [, navigate] = useLocation();
  const [state, createEvent] = useMutation(CreateEventDocument);
  const submit = async (input: EventFormInput) => {
    // Nothing empty is sent on creation: the API's defaults apply.
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)));
    const result = await createEvent({ input: given as typeof input & { slug: string; name: string } });
    const created = result.data?.createEvent;
    if (created) navigate(`~${paths.organiserEvent(created.slug)}`);
  };
  return (
    <OrganiserLayout items={nav}>
      <PageTitle title={t('organiser.events.createTitle')} />
      {session?.role !== 'ADMIN' ? (
        <p className="notice notice-error" role="alert">
          {t('organiser.events.adminOnly')}
        </p>
      ) : (
        <EventForm initial={EMPTY_EVENT} submitLabel={t('organiser.events.createSubmit')} busy={state.fetching} error={state.error} onSubmit={submit} />
      )}
    </OrganiserLayout>
  );
}
