import { useTranslation } from 'react-i18next';
import type { RoundStatus } from '../../gql/graphql';

/** A round's status in words, as a badge (the words carry it; the colour only repeats them). */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`organiser.rounds.status.${status}`)}</span>;
}
