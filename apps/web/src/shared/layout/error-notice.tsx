import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../api-error';

/** A failed operation in words (the catalogue's error table), with a way to try again when that can help. */
export function ErrorNotice({ error, onRetry, overrides }: { error: CombinedError; onRetry?: () => void; overrides?: Record<string, string> }) {
  const { t } = useTranslation();
  const problem = describeApiError(error, overrides);
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(problem.messageKey as 'errors.network')}</p>
      {onRetry ? (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
