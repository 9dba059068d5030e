import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ReviewedRound } from './round-page';
import { DraftProblemAttendeeDocument } from './round.documents';

const RULES = ['blocked', 'already-met', 'no-common-language', 'meeting-rule', 'same-company', 'no-consent', 'opted-out', 'not-present', 'busy', 'unavailable', 'alone', 'request-withdrawn'] as const;
type Rule = (typeof RULES)[number];
const known = (rule: string): Rule | 'other' => ((RULES as readonly string[]).includes(rule) ? (rule as Rule) : 'other');

/** Someone the warning names: asked for by id (the warning is short; the answer is cached). */
function AttendeeName({ id }: { id: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: DraftProblemAttendeeDocument, variables: { id } });
  return <>{result.data?.attendee.name ?? (result.error ? t('organiser.meetings.deleted') : '…')}</>;
}

/**
 * The stale-draft warning: tables of this generated draft that break a rule since it was generated
 * (a block, a withdrawn consent, an opt-out, a check-out, a partner deleted). Publishing is refused
 * until they are fixed by a swap or a move, or the round is generated again.
 */
export function DraftProblems({ problems }: { problems: ReviewedRound['draftProblems'] }) {
  const { t } = useTranslation();
  const id = useId();
  if (!problems.length) return null;
  return (
    <section className="notice notice-error draft-problems" role="alert" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.draftProblems.title', { count: problems.length })}</h2>
      <p>{t('organiser.draftProblems.intro')}</p>
      <ul>
        {problems.map((problem) => {
          const rule = known(problem.rule);
          return (
            <li key={`${problem.meetingId}-${problem.rule}-${problem.attendeeA}-${problem.attendeeB ?? ''}`}>
              <strong>{t('organiser.draftProblems.table', { table: problem.table })}</strong>{' '}
              <span>
                <AttendeeName id={problem.attendeeA} />
                {problem.attendeeB ? (
                  <>
                    {' · '}
                    <AttendeeName id={problem.attendeeB} />
                  </>
                ) : null}
              </span>
              {' — '}
              {t(`organiser.draftProblems.rule.${rule}`)}
            </li>
          );
        })}
      </ul>
      <p>{t('organiser.draftProblems.fix')}</p>
    </section>
  );
}
