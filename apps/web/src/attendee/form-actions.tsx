import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../shared/layout/submit-button';

/** An attendee form's buttons: send it, and — when `onCancel` is given — leave it as it was (an edit of something saved, a message not sent). */
export function FormActions({ busy, busyLabel, onCancel, children }: { busy: boolean; busyLabel?: string; onCancel?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <SubmitButton busy={busy} busyLabel={busyLabel}>
        {children}
      </SubmitButton>
      {onCancel ? (
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('attendee.feedback.cancel')}
        </button>
      ) : null}
    </div>
  );
}
