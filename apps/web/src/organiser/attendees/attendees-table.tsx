import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { OrganiserAttendeesQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { formatDateTime } from '../format';
import { IssueAccessCodeDocument, SetAttendeePresenceDocument } from './attendees.documents';
import type { IssuedCode } from './access-codes-csv';

export type AttendeeRow = OrganiserAttendeesQuery['attendees']['edges'][number]['node'];

/** Checked in or not, changed in one click (the list asks again afterwards, so a filtered list stays true). */
function PresenceToggle({ attendee }: { attendee: AttendeeRow }) {
  const { t } = useTranslation();
  const [state, setPresence] = useMutation(SetAttendeePresenceDocument);
  // Shown at once as asked, for as long as the list still says what it said before the change: the
  // list is asked again after the API answers, and forgetting the change at the answer showed the old
  // state until the list came back (a checkbox that flicked back). A refusal forgets it at once.
  const listed = Boolean(attendee.present);
  const [asked, setAsked] = useState<{ present: boolean; listedBefore: boolean }>();
  const present = asked && asked.listedBefore === listed ? asked.present : listed;
  const who = attendee.name ?? attendee.email ?? '';
  const change = async (next: boolean) => {
    setAsked({ present: next, listedBefore: listed });
    const result = await setPresence({ id: attendee.id, present: next });
    if (result.error) setAsked(undefined);
  };
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={present} disabled={state.fetching} onChange={(event) => void change(event.target.checked)} />
        <span className="visually-hidden">{t('organiser.attendees.presentOf', { name: who })}</span>
        <span aria-hidden="true">{present ? t('organiser.attendees.presentYes') : t('organiser.attendees.presentNo')}</span>
      </label>
      {state.error ? <ErrorNotice error={state.error} /> : null}
    </>
  );
}

/** A new one-time code for one attendee, shown in its row to read out or copy. */
function AccessCodeCell({ attendee, issued, onIssued }: { attendee: AttendeeRow; issued?: IssuedCode; onIssued: (code: IssuedCode) => void }) {
  const { t, i18n } = useTranslation();
  const [state, issue] = useMutation(IssueAccessCodeDocument);
  const who = attendee.name ?? attendee.email ?? '';
  const submit = async () => {
    const result = await issue({ attendeeId: attendee.id });
    const grant = result.data?.issueAccessCode;
    if (grant) onIssued({ name: attendee.name, email: attendee.email, code: grant.code, expiresAt: grant.expiresAt });
  };
  return (
    <>
      {issued ? (
        <p className="issued-code">
          <span className="code">{issued.code}</span>{' '}
          <span className="hint">{t('organiser.attendees.codeExpires', { time: formatDateTime(issued.expiresAt, i18n.language) })}</span>
        </p>
      ) : null}
      <button type="button" className="button-secondary" disabled={state.fetching} onClick={() => void submit()}>
        {issued ? t('organiser.attendees.issueAnother') : t('organiser.attendees.issueCode')}
        <span className="visually-hidden"> {t('organiser.attendees.forWhom', { name: who })}</span>
      </button>
      {state.error ? <ErrorNotice error={state.error} /> : null}
    </>
  );
}

/** The attendees of the page: who they are, consent, presence (a toggle) and an access code on demand. */
export function AttendeesTable({
  attendees,
  tagLabels,
  issued,
  onIssued,
  caption,
}: {
  attendees: readonly AttendeeRow[];
  tagLabels: ReadonlyMap<string, string>;
  issued: ReadonlyMap<string, IssuedCode>;
  onIssued: (attendeeId: string, code: IssuedCode) => void;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organiser.attendees.name')}</th>
            <th scope="col">{t('organiser.attendees.company')}</th>
            <th scope="col">{t('organiser.attendees.role')}</th>
            <th scope="col">{t('organiser.attendees.interests')}</th>
            <th scope="col">{t('organiser.attendees.consent')}</th>
            <th scope="col">{t('organiser.attendees.present')}</th>
            <th scope="col">{t('organiser.attendees.accessCode')}</th>
          </tr>
        </thead>
        <tbody>
          {attendees.map((attendee) => (
            <tr key={attendee.id}>
              <th scope="row">
                <span className="attendee-name">{attendee.name ?? t('organiser.attendees.unnamed')}</span>
                <br />
                <span className="muted">{attendee.email}</span>
              </th>
              <td>{attendee.company}</td>
              <td>{attendee.role}</td>
              <td>{attendee.interests?.map((slug) => tagLabels.get(slug) ?? slug).join(', ')}</td>
              <td>
                {attendee.consentMatchmaking ? (
                  <span className="badge">{t('organiser.attendees.consentYes')}</span>
                ) : (
                  <span className="badge badge-warning">{t('organiser.attendees.consentNo')}</span>
                )}
              </td>
              <td>
                <PresenceToggle attendee={attendee} />
              </td>
              <td>
                <AccessCodeCell attendee={attendee} issued={issued.get(attendee.id)} onIssued={(code) => onIssued(attendee.id, code)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
