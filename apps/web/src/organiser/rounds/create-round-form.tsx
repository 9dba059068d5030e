import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import type { CreateRoundInput } from '../../gql/graphql';
import { describeApiError } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { eventTimeToInstant, instantToEventTime } from '../../shared/time';
import type { OrganiserEvent } from '../events/organiser-event';
import { parseLabels, suggestedStart } from './round-form';
import { CreateRoundDocument } from './rounds.documents';
import { SubmitButton } from '../../shared/layout/submit-button';

/** Topic tables a round may seat instead of pairs (the API takes 3 to 8). */
const TABLE_SIZES = [3, 4, 5, 6, 7, 8] as const;

/** A new round: its name, start on the event's clock, length, tables, pairs or topic tables, and how to treat an odd count. Opens the round once created. */
export function CreateRoundForm({ event, suggestedName, previousEnd }: { event: OrganiserEvent; suggestedName: string; previousEnd?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const [result, createRound] = useMutation(CreateRoundDocument);
  const [startInvalid, setStartInvalid] = useState(false);
  const [defaultStart] = useState(() => instantToEventTime(suggestedStart(new Date(), previousEnd), event.timeZone));
  const problem = result.error ? describeApiError(result.error) : undefined;
  const invalid = (field: string) => Boolean(problem?.fields.some((entry) => entry.field === field || entry.field.endsWith(`.${field}`))) || undefined;

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const form = new FormData(formEvent.currentTarget);
    const startsAt = eventTimeToInstant(String(form.get('startsAt') ?? ''), event.timeZone);
    setStartInvalid(!startsAt);
    if (!startsAt) return;
    const oddPolicy = String(form.get('oddPolicy') ?? '');
    const tableSize = Number(form.get('tableSize') ?? '');
    const input: CreateRoundInput = {
      eventId: event.id,
      name: String(form.get('name') ?? '').trim(),
      startsAt,
      durationMinutes: Number(form.get('durationMinutes')),
      tables: parseLabels(String(form.get('tables') ?? '')),
      fairness: form.get('fairness') ? 'MAXMIN' : 'NONE',
      tableSize: tableSize >= 3 ? tableSize : null,
      ...(oddPolicy === 'TRIO' || oddPolicy === 'BYE' ? { oddPolicy } : {}),
    };
    const created = await createRound({ input });
    if (created.data) navigate(`~${paths.organiserRound(event.slug, created.data.createRound.id)}`);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.rounds.create.title')}</h2>
      <form className="form form-grid" onSubmit={submit}>
        {result.error ? <ErrorNotice error={result.error} /> : null}
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('organiser.rounds.create.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={120} defaultValue={suggestedName} aria-invalid={invalid('name')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('organiser.rounds.create.startsAt', { zone: event.timeZone })}</label>
          <input
            id={`${id}-start`}
            name="startsAt"
            type="datetime-local"
            required
            defaultValue={defaultStart}
            min={event.startsOn ? `${event.startsOn}T00:00` : undefined}
            max={event.endsOn ? `${event.endsOn}T23:59` : undefined}
            aria-invalid={startInvalid || invalid('startsAt')}
            aria-describedby={`${id}-start-hint`}
          />
          <p id={`${id}-start-hint`} className="hint">
            {startInvalid ? t('organiser.rounds.create.startInvalid') : t('organiser.rounds.create.startsAtHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>{t('organiser.rounds.create.durationMinutes')}</label>
          <input id={`${id}-duration`} name="durationMinutes" type="number" required min={3} max={240} step={1} defaultValue={event.defaultRoundMinutes} aria-invalid={invalid('durationMinutes')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tables`}>{t('organiser.rounds.create.tables')}</label>
          <input id={`${id}-tables`} name="tables" autoComplete="off" aria-describedby={`${id}-tables-hint`} aria-invalid={invalid('tables')} />
          <p id={`${id}-tables-hint`} className="hint">
            {t('organiser.rounds.create.tablesHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('organiser.rounds.create.format')}</label>
          <select id={`${id}-format`} name="tableSize" defaultValue="" aria-describedby={`${id}-format-hint`} aria-invalid={invalid('tableSize')}>
            <option value="">{t('organiser.rounds.create.formatPairs')}</option>
            {TABLE_SIZES.map((size) => (
              <option key={size} value={size}>
                {t('organiser.rounds.create.formatTables', { size })}
              </option>
            ))}
          </select>
          <p id={`${id}-format-hint`} className="hint">
            {t('organiser.rounds.create.formatHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-odd`}>{t('organiser.rounds.create.oddPolicy')}</label>
          <select id={`${id}-odd`} name="oddPolicy" defaultValue="">
            <option value="">{t('organiser.rounds.create.oddPolicyEvent')}</option>
            <option value="TRIO">{t('organiser.rounds.create.oddPolicyTrio')}</option>
            <option value="BYE">{t('organiser.rounds.create.oddPolicyBye')}</option>
          </select>
        </div>
        <div className="field field-check">
          <input id={`${id}-fairness`} name="fairness" type="checkbox" aria-describedby={`${id}-fairness-hint`} />
          <label htmlFor={`${id}-fairness`}>{t('organiser.rounds.create.fairness')}</label>
          <p id={`${id}-fairness-hint`} className="hint">
            {t('organiser.rounds.create.fairnessHint')}
          </p>
        </div>
        <div className="form-actions">
          <SubmitButton busy={result.fetching} busyLabel={t('organiser.rounds.create.submitting')}>
            {t('organiser.rounds.create.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
