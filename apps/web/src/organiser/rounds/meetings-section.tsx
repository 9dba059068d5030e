import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { OrganiserRoundMeetingsQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { useSettledValue } from '../../shared/use-settled-value';
import { useOrganiserEvent } from '../events/organiser-event';
import type { Adjustment, Seat } from './adjustment';
import type { ReviewedRound } from './round-page';
import { OrganiserRoundMeetingsDocument } from './round.documents';
import { formatScore } from './round-stats';

type Meeting = OrganiserRoundMeetingsQuery['round']['meetings']['edges'][number]['node'];
type MoveTarget = Extract<Adjustment, { kind: 'move' }>['to'];

interface RowOptions {
  /** Tables the stale-draft warning lists. */
  brokenTables: ReadonlySet<string>;
  /** The event vocabulary's label of each tag slug. */
  tagLabels: ReadonlyMap<string, string>;
  selected: Seat[];
  onToggle?: (seat: Seat) => void;
  onMove?: (to: MoveTarget) => void;
  busy: boolean;
}

/**
 * The round's tables, 50 at a time: who sits where, the score, and why — with the controls to change a draft.
 * The search asks the API (Round.meetings(search:)), so it finds a table or a person anywhere in the round,
 * not only in the pages already shown.
 */
export function MeetingsSection({
  round,
  brokenTables,
  selected,
  onToggle,
  onMove,
  busy,
}: {
  round: ReviewedRound;
  brokenTables: ReadonlySet<string>;
  selected: Seat[];
  onToggle?: (seat: Seat) => void;
  onMove?: (to: MoveTarget) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState('');
  const search = useSettledValue(filter.trim());
  const vocabulary = useOrganiserEvent().vocabulary;
  const tagLabels = useMemo(() => new Map(vocabulary.map((tag) => [tag.slug, tag.label])), [vocabulary]);
  const options: RowOptions = { brokenTables, tagLabels, selected, onToggle, onMove, busy };
  return (
    <section aria-labelledby={`${id}-title`} className="meetings">
      <h2 id={`${id}-title`}>{t('organiser.meetings.title')}</h2>
      <div className="field inline-field">
        <label htmlFor={`${id}-filter`}>{t('organiser.meetings.filter')}</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" />
      </div>
      {/* A new search starts again from its first page. */}
      <MeetingsTable key={search} round={round} search={search} options={options} />
    </section>
  );
}

/** The tables a search finds (all of them without one), a page at a time. */
function MeetingsTable({ round, search, options }: { round: ReviewedRound; search: string; options: RowOptions }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [more, setMore] = useState<string | null>(null);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table meetings-table">
          <caption className="visually-hidden">{t('organiser.meetings.caption', { round: round.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organiser.meetings.table')}</th>
              <th scope="col">{t('organiser.meetings.people')}</th>
              <th scope="col" className="number">
                {t('organiser.meetings.score')}
              </th>
              <th scope="col">{t('organiser.meetings.why')}</th>
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <MeetingsPage key={after ?? 'first'} roundId={round.id} search={search} after={after} options={options} onNext={index === cursors.length - 1 ? setMore : undefined} />
          ))}
        </table>
      </div>
      {more ? (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setCursors((current) => [...current, more]);
            setMore(null);
          }}
        >
          {t('organiser.meetings.showMore')}
        </button>
      ) : null}
    </>
  );
}

function MeetingsPage({ roundId, search, after, options, onNext }: { roundId: string; search: string; after: string | null; options: RowOptions; onNext?: (cursor: string | null) => void }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: OrganiserRoundMeetingsDocument, variables: { id: roundId, after, search: search || null }, requestPolicy: 'cache-and-network' });
  const page = result.data?.round.meetings;
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null;
  useEffect(() => onNext?.(next), [onNext, next]);
  if (!page) {
    return (
      <tbody>
        <tr>
          <td colSpan={4}>{result.error ? <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Loading />}</td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {page.edges.map(({ node: meeting }) => (
        <MeetingRow key={meeting.id} meeting={meeting} options={options} />
      ))}
      {page.edges.length === 0 && !after ? (
        <tr>
          <td colSpan={4}>{search ? t('organiser.meetings.noMatch', { search }) : t('organiser.meetings.none')}</td>
        </tr>
      ) : null}
    </tbody>
  );
}

function MeetingRow({ meeting, options }: { meeting: Meeting; options: RowOptions }) {
  const { t } = useTranslation();
  const { selected, onToggle, onMove, busy } = options;
  const people = meeting.participants.map((person) => ({ id: person.id, name: person.name ?? t('organiser.meetings.unnamed') }));
  const moving = selected.length === 1 ? selected[0]! : undefined;
  const canMoveHere = Boolean(onMove && moving && moving.meetingId !== meeting.id && meeting.participants.length < 3);
  return (
    <tr id={`meeting-${meeting.id}`} className={meeting.participants.some((person) => selected.some((seat) => seat.attendeeId === person.id)) ? 'row-selected' : undefined}>
      <th scope="row" className="table-cell">
        <span className="table-label small">{meeting.table}</span>
        {meeting.status === 'CANCELLED' ? <span className="badge badge-cancelled">{t('organiser.meetings.cancelled')}</span> : null}
        {options.brokenTables.has(meeting.id) ? <span className="badge badge-danger">{t('organiser.meetings.breaksRule')}</span> : null}
      </th>
      <td>
        <ul className="people">
          {meeting.participants.map((person, index) => {
            const name = people[index]!.name;
            const isSelected = selected.some((seat) => seat.attendeeId === person.id);
            return (
              <li key={person.id}>
                <span className="person-name">{name}</span>
                {person.company || person.role ? <span className="person-detail"> · {[person.role, person.company].filter(Boolean).join(', ')}</span> : null}
                {onToggle ? (
                  <button
                    type="button"
                    className="button-select"
                    aria-pressed={isSelected}
                    aria-label={t('organiser.adjust.selectPerson', { name })}
                    onClick={() => onToggle({ attendeeId: person.id, name, meetingId: meeting.id, table: meeting.table, tablemates: people.filter((other) => other.id !== person.id) })}
                  >
                    {isSelected ? t('organiser.adjust.selected') : t('organiser.adjust.select')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {canMoveHere ? (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => onMove!({ meetingId: meeting.id, table: meeting.table, participants: people })}>
            {t('organiser.adjust.moveHere', { name: moving!.name, table: meeting.table })}
          </button>
        ) : null}
      </td>
      <td className="number">{formatScore(meeting.score)}</td>
      <td>
        <p className="sentence-small">{meeting.sentence}</p>
        <Reasons meeting={meeting} tagLabels={options.tagLabels} />
      </td>
    </tr>
  );
}

/** The reasons as data, in short: what they share, what one seeks and the other offers, a wish. */
function Reasons({ meeting, tagLabels }: { meeting: Meeting; tagLabels: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const label = (slug: string) => tagLabels.get(slug) ?? slug;
  const shared = [...new Set(meeting.reasons.flatMap((reason) => reason.sharedInterests))].map(label);
  const seeks = [...new Set(meeting.reasons.flatMap((reason) => [...reason.aSeeksBOffers, ...reason.bSeeksAOffers]))].map(label);
  const languages = [...new Set(meeting.reasons.flatMap((reason) => reason.commonLanguages))];
  const wished = meeting.reasons.some((reason) => reason.wish !== 'none');
  const mutual = meeting.reasons.some((reason) => reason.wish === 'mutual');
  return (
    <dl className="reasons">
      {shared.length ? <Reason term={t('organiser.meetings.sharedInterests')}>{shared.join(', ')}</Reason> : null}
      {seeks.length ? <Reason term={t('organiser.meetings.seeksOffers')}>{seeks.join(', ')}</Reason> : null}
      {languages.length ? <Reason term={t('organiser.meetings.languages')}>{languages.join(', ')}</Reason> : null}
      {wished ? <Reason term={t('organiser.meetings.wish')}>{mutual ? t('organiser.meetings.wishMutual') : t('organiser.meetings.wishOne')}</Reason> : null}
    </dl>
  );
}

function Reason({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
