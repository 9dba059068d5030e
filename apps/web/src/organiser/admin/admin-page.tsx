import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { useSession } from '../../shared/session';
import { OrganiserLayout, useStaffNav } from '../organiser-layout';
import { AdminEventsDocument } from './admin.documents';
import { EventOrganisers } from './event-organisers';

/** Admins: every event and who organises it; add an organiser (with their one-time code) or remove one. */
export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const nav = useStaffNav();
  const admin = session?.role === 'ADMIN';
  const [result, refetch] = useQuery({ query: AdminEventsDocument, pause: !admin, requestPolicy: 'cache-and-network' });
  return (
    <OrganiserLayout items={nav}>
      <PageTitle title={t('organiser.admin.title')} />
      {!admin ? (
        <p className="notice notice-error" role="alert">
          {t('errors.code.FORBIDDEN')}
        </p>
      ) : result.error && !result.data ? (
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : result.data.events.length === 0 ? (
        <p>{t('organiser.events.emptyAdmin')}</p>
      ) : (
        <>
          <p className="hint">{t('organiser.admin.hint')}</p>
          {result.data.events.map((event) => (
            <EventOrganisers key={event.id} event={event} />
          ))}
        </>
      )}
    </OrganiserLayout>
  );
}
