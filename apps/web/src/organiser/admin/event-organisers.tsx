import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import type { AdminEventsQuery } from '../../gql/graphql';
import { describeApiError } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { paths } from '../../shared/paths';
import { formatEventDays } from '../events/event-days';
import { formatDateTime } from '../format';
import { AddOrganiserDocument, RemoveOrganiserDocument } from './admin.documents';
import { SubmitButton } from '../../shared/layout/submit-button';

type AdminEvent = AdminEventsQuery['events'][number];

/** Organisers are accounts, not attendees: a removal or an addition changes what the events list shows. */
const CONTEXT = { additionalTypenames: ['Organiser', 'Event'] };

/** One organiser of the event, removed after a confirmation (they can be added again). */
function OrganiserRow({ event, organiser }: { event: AdminEvent; organiser: AdminEvent['organisers'][number] }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [state, remove] = useMutation(RemoveOrganiserDocument);
  return (
    <tr>
      <th scope="row">{organiser.name}</th>
      <td>{organiser.email}</td>
      <td>
        {confirming ? (
          <span className="form-actions">
            <button type="button" className="button-primary" disabled={state.fetching} onClick={() => void remove({ eventId: event.id, accountId: organiser.id }, CONTEXT)}>
              {t('organiser.admin.confirmRemove', { name: organiser.name })}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('organiser.admin.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t('organiser.admin.remove')}
            <span className="visually-hidden"> {t('organiser.admin.removeWho', { name: organiser.name, event: event.name })}</span>
          </button>
        )}
        {state.error ? <ErrorNotice error={state.error} /> : null}
      </td>
    </tr>
  );
}

/** An event, its organisers, and a form to add one (who then signs in once with the code shown). */
export function EventOrganisers({ event }: { event: AdminEvent }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [state, add] = useMutation(AddOrganiserDocument);
  const [granted, setGranted] = useState<{ name: string; email: string; code: string; expiresAt: string }>();
  const problem = state.error ? describeApiError(state.error) : undefined;
  const invalid = (field: string) => problem?.fields.some((entry) => entry.field === field) || undefined;

  const submit = async (submitted: FormEvent<HTMLFormElement>) => {
    submitted.preventDefault();
    const form = submitted.currentTarget;
    const data = new FormData(form);
    setGranted(undefined);
    const result = await add({ input: { eventId: event.id, name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim() } }, CONTEXT);
    const grant = result.data?.addOrganiser;
    if (!grant) return;
    setGranted({ name: grant.organiser.name, email: grant.organiser.email, code: grant.accessCode.code, expiresAt: grant.accessCode.expiresAt });
    form.reset();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Link href={`~${paths.organiserEvent(event.slug)}`}>{event.name}</Link>
      </h2>
      {event.startsOn ? <p className="muted">{formatEventDays(event, i18n.language)}</p> : null}
      {event.organisers.length ? (
        <div className="table-scroll" role="region" aria-label={t('organiser.admin.organisersOf', { event: event.name })} tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{t('organiser.admin.organisersOf', { event: event.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organiser.admin.name')}</th>
                <th scope="col">{t('organiser.admin.email')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('organiser.admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {event.organisers.map((organiser) => (
                <OrganiserRow key={organiser.id} event={event} organiser={organiser} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('organiser.admin.noOrganiser')}</p>
      )}
      <form className="filters add-organiser" aria-label={t('organiser.admin.addTo', { event: event.name })} onSubmit={(submitted) => void submit(submitted)}>
        <div className="field grow">
          <label htmlFor={`${id}-name`}>{t('organiser.admin.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={200} autoComplete="off" aria-invalid={invalid('name')} />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-email`}>{t('organiser.admin.email')}</label>
          <input id={`${id}-email`} name="email" type="email" required autoComplete="off" aria-invalid={invalid('email')} />
        </div>
        <SubmitButton busy={state.fetching}>
          {t('organiser.admin.add')}
        </SubmitButton>
      </form>
      {state.error ? <ErrorNotice error={state.error} /> : null}
      <div role="status" aria-live="polite">
        {granted ? (
          <div className="notice">
            <p>{t('organiser.admin.granted', { name: granted.name, email: granted.email })}</p>
            <p>
              <span className="code granted-code">{granted.code}</span>{' '}
              <span className="hint">{t('organiser.attendees.codeExpires', { time: formatDateTime(granted.expiresAt, i18n.language) })}</span>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
