import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { ConfirmAction } from './confirm-action';
import type { ReviewedRound } from './round-page';
import { CancelRoundDocument, CloseRoundDocument, GenerateRoundDocument, PublishRoundDocument } from './round.documents';

/** What can be done with the round in its status: generate, publish, close, cancel — each said plainly, the irreversible ones asked first. */
export function RoundActions({ round, onChanged }: { round: ReviewedRound; onChanged: () => void }) {
  const { t } = useTranslation();
  const [generation, generate] = useMutation(GenerateRoundDocument);
  const [publication, publish] = useMutation(PublishRoundDocument);
  const [cancellation, cancel] = useMutation(CancelRoundDocument);
  const [closing, close] = useMutation(CloseRoundDocument);
  const [error, setError] = useState<CombinedError>();
  const busy = generation.fetching || publication.fetching || cancellation.fetching || closing.fetching;
  const run = async (action: () => Promise<{ error?: CombinedError }>) => {
    setError(undefined);
    const result = await action();
    setError(result.error);
    onChanged();
  };
  const status = round.status;
  const matched = round.stats?.matched ?? 0;
  return (
    <div className="round-actions">
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        {status === 'DRAFT' ? (
          <button type="button" className="button-primary" disabled={busy} onClick={() => void run(() => generate({ input: { roundId: round.id } }))}>
            {t('organiser.round.generate')}
          </button>
        ) : null}
        {status === 'GENERATED' ? (
          <>
            <ConfirmAction
              primary
              disabled={busy}
              label={t('organiser.round.publish')}
              title={t('organiser.round.publishTitle', { round: round.name })}
              confirmLabel={t('organiser.round.publishConfirm')}
              onConfirm={() => void run(() => publish({ id: round.id }))}
            >
              <p>{t('organiser.round.publishText', { count: matched })}</p>
            </ConfirmAction>
            <ConfirmAction
              disabled={busy}
              label={t('organiser.round.regenerate')}
              title={t('organiser.round.regenerateTitle')}
              confirmLabel={t('organiser.round.regenerateConfirm')}
              onConfirm={() => void run(() => generate({ input: { roundId: round.id, regenerate: true } }))}
            >
              <p>{t('organiser.round.regenerateText')}</p>
            </ConfirmAction>
          </>
        ) : null}
        {status === 'PUBLISHED' ? (
          <ConfirmAction
            primary
            disabled={busy}
            label={t('organiser.round.close')}
            title={t('organiser.round.closeTitle', { round: round.name })}
            confirmLabel={t('organiser.round.closeConfirm')}
            onConfirm={() => void run(() => close({ id: round.id }))}
          >
            <p>{t('organiser.round.closeText')}</p>
          </ConfirmAction>
        ) : null}
        {status === 'DRAFT' || status === 'GENERATING' || status === 'GENERATED' || status === 'PUBLISHED' ? (
          <ConfirmAction
            danger
            disabled={cancellation.fetching}
            label={status === 'GENERATING' ? t('organiser.round.stopGenerating') : t('organiser.round.cancel')}
            title={t('organiser.round.cancelTitle', { round: round.name })}
            confirmLabel={t('organiser.round.cancelConfirm')}
            onConfirm={() => void run(() => cancel({ id: round.id }))}
          >
            <p>{status === 'PUBLISHED' ? t('organiser.round.cancelPublishedText') : t('organiser.round.cancelText')}</p>
          </ConfirmAction>
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {busy ? t('organiser.round.working') : ''}
      </p>
    </div>
  );
}
