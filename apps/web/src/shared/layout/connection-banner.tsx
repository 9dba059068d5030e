import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../graphql/connection';

/** "Reconnecting…" while the API cannot be reached; announced politely, gone once it is back. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <div className="connection-banner" role="status" aria-live="polite" hidden={state === 'online'}>
      {state === 'reconnecting' ? t('connection.reconnecting') : null}
    </div>
  );
}
