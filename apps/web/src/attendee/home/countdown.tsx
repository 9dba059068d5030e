import { useTranslation } from 'react-i18next';
import { countdown, formatTime } from '../../shared/time';
import { useNow } from './use-now';

/** "in 4 min 05 s", ticking each second; "Happening now, until 14:45" once it has started. */
export function Countdown({ startsAt, endsAt, timeZone }: { startsAt: string; endsAt: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1_000);
  const left = countdown(new Date(startsAt), now);
  if (!left) {
    return <p className="countdown now">{t('attendee.home.happeningNow', { time: formatTime(endsAt, timeZone, i18n.language) })}</p>;
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  const text =
    left.hours > 0
      ? t('attendee.home.inHours', { hours: left.hours, minutes: pad(left.minutes) })
      : left.minutes > 0
        ? t('attendee.home.inMinutes', { minutes: left.minutes, seconds: pad(left.seconds) })
        : t('attendee.home.inSeconds', { seconds: left.seconds });
  // role="timer": assistive technology does not read every tick aloud.
  return (
    <p className="countdown" role="timer">
      {text}
    </p>
  );
}
