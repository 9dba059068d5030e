import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { dayIn, formatDay, formatTime } from '../../shared/time';
import { OptOutOfRoundDocument, UpcomingRoundFragment } from './presence.documents';

/**
 * The rounds not yet published: the attendee may sit any of them out, or rejoin, until it is published.
 * `onChanged` asks the page to read the list again (a round may have been published meanwhile).
 */
export function UpcomingRounds({ rounds, timeZone, onChanged }: { rounds: FragmentType<typeof UpcomingRoundFragment>[]; timeZone: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const rows = rounds.map((round) => getFragmentData(UpcomingRoundFragment, round));
  // Said above the list: the round it is about may leave the list (published meanwhile).
  const [error, setError] = useState<CombinedError>();
  const done = (answer: CombinedError | undefined) => {
    setError(answer);
    onChanged();
  };
  if (!rows.length && !error) return null;
  return (
    <section className="upcoming-rounds" aria-labelledby="upcoming-rounds-title">
      <h2 id="upcoming-rounds-title">{t('attendee.rounds.title')}</h2>
      <p className="hint">{t('attendee.rounds.intro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <ul className="round-choices">
        {rows.map((row) => (
          <RoundChoice key={row.id} round={row} timeZone={timeZone} onDone={done} />
        ))}
      </ul>
    </section>
  );
}

function RoundChoice({
  round,
  timeZone,
  onDone,
}: {
  round: { id: string; name: string; startsAt: string; optedOut: boolean };
  timeZone: string;
  onDone: (error: CombinedError | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const [result, optOutOfRound] = useMutation(OptOutOfRoundDocument);
  // Shown at once from the answer; the list read again afterwards agrees.
  const [optedOut, setOptedOut] = useState(round.optedOut);
  const [seen, setSeen] = useState(round.optedOut);
  if (seen !== round.optedOut) {
    setSeen(round.optedOut);
    setOptedOut(round.optedOut);
  }
  const time = formatTime(round.startsAt, timeZone, i18n.language);
  const when = dayIn(round.startsAt, timeZone) === dayIn(new Date(), timeZone) ? time : t('attendee.past.dayTime', { day: formatDay(round.startsAt, timeZone, i18n.language), time });
  const change = async () => {
    const answer = await optOutOfRound({ roundId: round.id, optOut: !optedOut });
    if (answer.data) setOptedOut(answer.data.optOutOfRound);
    onDone(answer.error);
  };
  return (
    <li className="round-choice">
      <div>
        <p className="round-choice-name">{round.name}</p>
        <p className="round-choice-when">{when}</p>
        <p className={optedOut ? 'round-choice-state out' : 'round-choice-state'}>{optedOut ? t('attendee.rounds.sittingOut') : t('attendee.rounds.in')}</p>
      </div>
      <button type="button" className="button-secondary" disabled={result.fetching} onClick={() => void change()}>
        {optedOut ? t('attendee.rounds.rejoin', { round: round.name }) : t('attendee.rounds.sitOut', { round: round.name })}
      </button>
    </li>
  );
}
