import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeftOutReason } from '../../gql/graphql';
import type { Seat } from './adjustment';
import type { ReviewedRound } from './round-page';

const ORDER: LeftOutReason[] = ['ODD_COUNT', 'NO_COMPATIBLE_PARTNER', 'NO_COMPATIBLE_TABLE', 'BUSY', 'UNAVAILABLE', 'NOT_PRESENT', 'NO_CONSENT', 'OPTED_OUT'];
/** Who could be seated by hand: people eligible for the round who were left without a partner. */
const SEATABLE = new Set<LeftOutReason>(['ODD_COUNT', 'NO_COMPATIBLE_PARTNER', 'NO_COMPATIBLE_TABLE']);

/** Who sits this round out, by reason, each reason in words; those who could have a seat can be picked for a swap. */
export function LeftOutList({ leftOut, selected, onToggle }: { leftOut: ReviewedRound['leftOut']; selected: Seat[]; onToggle?: (seat: Seat) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const groups = ORDER.map((reason) => ({ reason, people: leftOut.filter((entry) => entry.reason === reason) })).filter((group) => group.people.length);
  return (
    <section aria-labelledby={`${id}-title`} className="left-out">
      <h2 id={`${id}-title`}>{t('organiser.leftOut.title', { count: leftOut.length })}</h2>
      {groups.length === 0 ? <p>{t('organiser.leftOut.nobody')}</p> : null}
      {groups.map(({ reason, people }) => (
        <details key={reason} open={SEATABLE.has(reason) || people.length <= 5}>
          <summary>
            {t(`organiser.leftOut.reason.${reason}`)} <span className="count">({people.length})</span>
          </summary>
          <p className="hint">{t(`organiser.leftOut.explain.${reason}`)}</p>
          <ul className="people">
            {people.map((entry) => {
              const name = entry.attendee?.name ?? t('organiser.meetings.deleted');
              const isSelected = selected.some((seat) => seat.attendeeId === entry.attendeeId);
              return (
                <li key={entry.attendeeId}>
                  <span className="person-name">{name}</span>
                  {entry.attendee?.company ? <span className="person-detail"> · {entry.attendee.company}</span> : null}
                  {onToggle && SEATABLE.has(reason) ? (
                    <button
                      type="button"
                      className="button-select"
                      aria-pressed={isSelected}
                      aria-label={t('organiser.adjust.selectPerson', { name })}
                      onClick={() => onToggle({ attendeeId: entry.attendeeId, name, tablemates: [] })}
                    >
                      {isSelected ? t('organiser.adjust.selected') : t('organiser.adjust.select')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}
