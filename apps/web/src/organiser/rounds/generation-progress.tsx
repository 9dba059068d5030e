import { useTranslation } from 'react-i18next';
import type { RoundStatus } from '../../gql/graphql';
import type { ReviewedRound } from './round-page';

type Progress = NonNullable<ReviewedRound['progress']>;

/** The phases of a generation in order (GenerationProgress.phase); the bar shows how far along it is. */
const PHASES = ['queued', 'loading', 'matching', 'storing', 'done'] as const;
type Phase = (typeof PHASES)[number] | 'failed' | 'cancelled';

function phaseOf(phase: string | undefined): Phase | undefined {
  return phase && ([...PHASES, 'failed', 'cancelled'] as string[]).includes(phase) ? (phase as Phase) : undefined;
}

/** Where the generation is (polled by the round page): the phase in words, how many attendees, a bar; or why it failed. */
export function GenerationProgress({ progress, status }: { progress?: Pick<Progress, 'phase' | 'attendees' | 'error'> | null; status: RoundStatus }) {
  const { t } = useTranslation();
  const phase = phaseOf(progress?.phase) ?? (status === 'GENERATING' ? 'queued' : undefined);
  if (phase === 'failed' || (progress?.error && status !== 'GENERATING')) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('organiser.progress.failed')}</p>
        {progress?.error ? <p className="hint">{progress.error}</p> : null}
      </div>
    );
  }
  if (phase === 'cancelled') return <p className="notice">{t('organiser.progress.cancelled')}</p>;
  if (!phase) return null;
  const step = PHASES.indexOf(phase);
  const words = t(`organiser.progress.phase.${phase}`, { count: progress?.attendees ?? 0 });
  return (
    <section className="card generation-progress" aria-labelledby="generation-title">
      <h2 id="generation-title">{t('organiser.progress.title')}</h2>
      <progress max={PHASES.length - 1} value={step} aria-labelledby="generation-phase" />
      <p id="generation-phase" role="status" aria-live="polite">
        {words}
      </p>
    </section>
  );
}
