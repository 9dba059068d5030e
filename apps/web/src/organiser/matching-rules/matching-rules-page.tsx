import { useId, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import type { ImportConflictsMutation, MatchingRulesFieldsFragment, MatchingRulesInput } from '../../gql/graphql';
import { describeApiError } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { Loading } from '../../shared/layout/loading';
import { PageTitle } from '../../shared/layout/page-title';
import { useOrganiserEvent } from '../events/organiser-event';
import { ImportConflictsDocument, MatchingRulesFieldsFragmentDoc, OrganiserMatchingRulesDocument, SetMatchingRulesDocument } from './matching-rules.documents';
import { SubmitButton } from '../../shared/layout/submit-button';

/** The weights the form edits, in the order shown (`text` apart: it may be left empty, which the API reads as 0, off). */
const WEIGHTS = ['interest', 'complementarity', 'stack', 'roleMix', 'mutualWish', 'oneWayWish', 'sameCompany'] as const;
type WeightKey = (typeof WEIGHTS)[number];
type GroupKind = 'role' | 'ticketType';
type PeopleGroup = MatchingRulesFieldsFragment['rules']['whoCanMeet'][number]['who'];

/** One "who can meet whom" rule as the form edits it: a group, and the roles and ticket types (names separated by commas) it may only or may not meet. */
interface RuleRow {
  key: number;
  whoKind: GroupKind;
  who: string;
  relation: 'onlyWith' | 'notWith';
  withRoles: string;
  withTicketTypes: string;
}

/** One entry of the role-mix table as the form edits it: two roles and the bonus (a penalty below 0) their meeting adds. */
interface RoleMixRow {
  key: number;
  first: string;
  second: string;
  bonus: string;
}

interface FormState {
  weights: Record<WeightKey | 'text', string>;
  roleMix: RoleMixRow[];
  sameCompany: 'penalty' | 'forbid';
  rules: RuleRow[];
  conflictsFromEarlierEvents: boolean;
}

/** The API keeps at most this many role pairs in the form's reach (the library has no cap; a page of inputs needs one). */
const MAX_ROLE_MIX = 100;

let nextKey = 0;
const groupKind = (group: PeopleGroup): GroupKind => (group.ticketType != null ? 'ticketType' : 'role');
const groupName = (group: PeopleGroup) => group.ticketType ?? group.role ?? '';

function formState(data: MatchingRulesFieldsFragment): FormState {
  const { weights } = data.rules;
  return {
    weights: { ...Object.fromEntries(WEIGHTS.map((key) => [key, String(weights[key])])), text: weights.text == null ? '' : String(weights.text) } as FormState['weights'],
    roleMix: weights.roleMixTable.map(({ roles, bonus }) => ({ key: nextKey++, first: roles[0] ?? '', second: roles[1] ?? '', bonus: String(bonus) })),
    sameCompany: data.rules.sameCompany === 'forbid' ? 'forbid' : 'penalty',
    conflictsFromEarlierEvents: data.conflictsFromEarlierEvents,
    rules: data.rules.whoCanMeet.map((rule) => {
      const groups = rule.onlyWith ?? rule.notWith ?? [];
      return {
        key: nextKey++,
        whoKind: groupKind(rule.who),
        who: groupName(rule.who),
        relation: rule.onlyWith ? 'onlyWith' : 'notWith',
        withRoles: groups.filter((group) => groupKind(group) === 'role').map(groupName).join(', '),
        withTicketTypes: groups.filter((group) => groupKind(group) === 'ticketType').map(groupName).join(', '),
      };
    }),
  };
}

const names = (list: string) =>
  list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/** The document setMatchingRules takes: the whole rules document, as the form shows it. */
function rulesInput(state: FormState): MatchingRulesInput {
  const text = state.weights.text.trim();
  return {
    version: 1,
    sameCompany: state.sameCompany,
    weights: {
      ...Object.fromEntries(WEIGHTS.map((key) => [key, Number(state.weights[key])])),
      text: text === '' ? null : Number(text),
      roleMixTable: state.roleMix.map((row) => ({ roles: [row.first.trim(), row.second.trim()], bonus: Number(row.bonus) })),
    },
    whoCanMeet: state.rules.map((row) => ({
      who: { [row.whoKind]: row.who.trim() },
      [row.relation]: [...names(row.withRoles).map((role) => ({ role })), ...names(row.withTicketTypes).map((ticketType) => ({ ticketType }))],
    })),
  };
}

/** How the event's next rounds match people: the pair score's weights, colleagues, who can meet whom, and the conflicts of interest. */
export function MatchingRulesPage() {
  const { t } = useTranslation();
  const event = useOrganiserEvent();
  const [result, refetch] = useQuery({ query: OrganiserMatchingRulesDocument, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const data = result.data ? getFragmentData(MatchingRulesFieldsFragmentDoc, result.data.matchingRules) : undefined;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <PageTitle title={t('organiser.matchingRules.title')} />
      <p className="hint">{t('organiser.matchingRules.intro')}</p>
      {result.error && !data ? (
        <ErrorNotice error={result.error} onRetry={refresh} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <RulesForm eventId={event.id} data={data} />
          <ConflictsImport eventId={event.id} conflicts={data.conflicts} onImported={refresh} />
        </>
      )}
    </>
  );
}

/** One row of an editable list (a role pair, a rule): its fields side by side, the API's complaint about it, and the button that removes it. */
function RowFieldset(props: { legend: string; describedBy: string | undefined; error: ReactNode; removeLabel: string; onRemove: () => void; children: ReactNode }) {
  return (
    <fieldset aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      <div className="field-row">{props.children}</div>
      {props.error}
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={props.onRemove}>
          {props.removeLabel}
        </button>
      </div>
    </fieldset>
  );
}

function AddRowButton({ label, disabled, onAdd }: { label: string; disabled: boolean; onAdd: () => void }) {
  return (
    <div className="form-actions">
      <button type="button" className="button-secondary" disabled={disabled} onClick={onAdd}>
        {label}
      </button>
    </div>
  );
}

function RulesForm({ eventId, data }: { eventId: string; data: MatchingRulesFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState(() => formState(data));
  const [saved, setSaved] = useState(false);
  const [result, save] = useMutation(SetMatchingRulesDocument);
  const problem = result.error ? describeApiError(result.error) : undefined;
  const badField = problem?.fields[0]?.field;
  const invalid = (field: string) => (badField !== undefined && (badField === field || badField.endsWith(`.${field}`) || badField.startsWith(`${field}.`) || badField.startsWith(`rules.${field}`))) || undefined;
  const fieldError = (field: string, errorId: string) =>
    invalid(field) ? (
      <p id={errorId} className="field-error">
        {t('errors.fieldInvalid')} <span lang="en">{problem?.fields[0]?.message}</span>
      </p>
    ) : null;
  const change = (update: (state: FormState) => FormState) => {
    setSaved(false);
    setState(update);
  };
  const setRule = (index: number, patch: Partial<RuleRow>) => change((s) => ({ ...s, rules: s.rules.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const setRoleMix = (index: number, patch: Partial<RoleMixRow>) => change((s) => ({ ...s, roleMix: s.roleMix.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setSaved(false);
    const outcome = await save({ input: { eventId, conflictsFromEarlierEvents: state.conflictsFromEarlierEvents, rules: rulesInput(state) } });
    if (!outcome.data) return;
    // The form shows what was saved (names trimmed and lower-cased by the API).
    const next = formState(getFragmentData(MatchingRulesFieldsFragmentDoc, outcome.data.setMatchingRules));
    // The same rows keep their keys: the field that had the keyboard focus keeps it.
    setState({
      ...next,
      rules: next.rules.map((row, index) => ({ ...row, key: state.rules[index]?.key ?? row.key })),
      roleMix: next.roleMix.map((row, index) => ({ ...row, key: state.roleMix[index]?.key ?? row.key })),
    });
    setSaved(true);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.matchingRules.rulesTitle')}</h2>
      <form className="form form-wide" onSubmit={submit}>
        {result.error ? <ErrorNotice error={result.error} /> : null}
        {saved ? (
          <p role="status" className="notice">
            {t('organiser.matchingRules.saved')}
          </p>
        ) : null}
        <fieldset>
          <legend>{t('organiser.matchingRules.weightsLegend')}</legend>
          <p className="hint">{t('organiser.matchingRules.weightsHint')}</p>
          <div className="field-row">
            {[...WEIGHTS, 'text' as const].map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`${id}-w-${key}`}>{t(`organiser.matchingRules.weight.${key}`)}</label>
                <input
                  id={`${id}-w-${key}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  max={key === 'text' ? 1 : 100}
                  required={key !== 'text'}
                  value={state.weights[key]}
                  aria-invalid={invalid(`weights.${key}`)}
                  aria-describedby={invalid(`weights.${key}`) ? `${id}-w-${key}-error` : undefined}
                  onChange={(input) => change((s) => ({ ...s, weights: { ...s.weights, [key]: input.target.value } }))}
                />
                {fieldError(`weights.${key}`, `${id}-w-${key}-error`)}
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('organiser.matchingRules.roleMixLegend')}</legend>
          <p className="hint">{t('organiser.matchingRules.roleMixHint')}</p>
          {state.roleMix.length === 0 ? <p>{t('organiser.matchingRules.noRoleMix')}</p> : null}
          {state.roleMix.map((row, index) => {
            const n = index + 1;
            const field = `weights.roleMixTable[${index}]`;
            const errorId = `${id}-mix-${row.key}-error`;
            const describedBy = invalid(field) ? errorId : undefined;
            return (
              <RowFieldset
                key={row.key}
                legend={t('organiser.matchingRules.roleMixRow', { n })}
                describedBy={describedBy}
                error={fieldError(field, errorId)}
                removeLabel={t('organiser.matchingRules.removeRoleMix', { n })}
                onRemove={() => change((s) => ({ ...s, roleMix: s.roleMix.filter((_, i) => i !== index) }))}
              >
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-first`}>{t('organiser.matchingRules.firstRole')}</label>
                  <input id={`${id}-${row.key}-first`} aria-invalid={invalid(`${field}.roles`)} aria-describedby={describedBy} required maxLength={100} autoComplete="off" value={row.first} onChange={(e) => setRoleMix(index, { first: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-second`}>{t('organiser.matchingRules.secondRole')}</label>
                  <input id={`${id}-${row.key}-second`} aria-invalid={invalid(`${field}.roles`)} aria-describedby={describedBy} required maxLength={100} autoComplete="off" value={row.second} onChange={(e) => setRoleMix(index, { second: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-bonus`}>{t('organiser.matchingRules.bonus')}</label>
                  <input
                    id={`${id}-${row.key}-bonus`}
                    type="number"
                    inputMode="decimal"
                    step="any"
                    min={-100}
                    max={100}
                    required
                    aria-invalid={invalid(`${field}.bonus`)}
                    aria-describedby={describedBy}
                    value={row.bonus}
                    onChange={(e) => setRoleMix(index, { bonus: e.target.value })}
                  />
                </div>
              </RowFieldset>
            );
          })}
          <AddRowButton
            label={t('organiser.matchingRules.addRoleMix')}
            disabled={state.roleMix.length >= MAX_ROLE_MIX}
            onAdd={() => change((s) => ({ ...s, roleMix: [...s.roleMix, { key: nextKey++, first: '', second: '', bonus: '0' }] }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('organiser.matchingRules.sameCompanyLegend')}</legend>
          {(['penalty', 'forbid'] as const).map((value) => (
            <label className="checkbox" key={value}>
              <input type="radio" name={`${id}-same-company`} value={value} checked={state.sameCompany === value} onChange={() => change((s) => ({ ...s, sameCompany: value }))} />
              {t(`organiser.matchingRules.sameCompany.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('organiser.matchingRules.whoCanMeetLegend')}</legend>
          <p className="hint">{t('organiser.matchingRules.whoCanMeetHint')}</p>
          {state.rules.length === 0 ? <p>{t('organiser.matchingRules.noRule')}</p> : null}
          {state.rules.map((row, index) => {
            const n = index + 1;
            const field = `whoCanMeet[${index}]`;
            const errorId = `${id}-rule-${row.key}-error`;
            return (
              <RowFieldset
                key={row.key}
                legend={t('organiser.matchingRules.ruleLegend', { n })}
                describedBy={invalid(field) ? errorId : undefined}
                error={fieldError(field, errorId)}
                removeLabel={t('organiser.matchingRules.removeRule', { n })}
                onRemove={() => change((s) => ({ ...s, rules: s.rules.filter((_, i) => i !== index) }))}
              >
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-who-kind`}>{t('organiser.matchingRules.whoKind')}</label>
                  <select id={`${id}-${row.key}-who-kind`} value={row.whoKind} onChange={(e: ChangeEvent<HTMLSelectElement>) => setRule(index, { whoKind: e.target.value as GroupKind })}>
                    <option value="role">{t('organiser.matchingRules.kind.role')}</option>
                    <option value="ticketType">{t('organiser.matchingRules.kind.ticketType')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-who`}>{t('organiser.matchingRules.who')}</label>
                  <input id={`${id}-${row.key}-who`} aria-invalid={invalid(field)} required maxLength={100} autoComplete="off" value={row.who} onChange={(e) => setRule(index, { who: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-relation`}>{t('organiser.matchingRules.relation')}</label>
                  <select id={`${id}-${row.key}-relation`} value={row.relation} onChange={(e: ChangeEvent<HTMLSelectElement>) => setRule(index, { relation: e.target.value as RuleRow['relation'] })}>
                    <option value="onlyWith">{t('organiser.matchingRules.onlyWith')}</option>
                    <option value="notWith">{t('organiser.matchingRules.notWith')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-with-roles`}>{t('organiser.matchingRules.withRoles')}</label>
                  <input id={`${id}-${row.key}-with-roles`} autoComplete="off" value={row.withRoles} onChange={(e) => setRule(index, { withRoles: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${row.key}-with-ticket-types`}>{t('organiser.matchingRules.withTicketTypes')}</label>
                  <input id={`${id}-${row.key}-with-ticket-types`} autoComplete="off" value={row.withTicketTypes} onChange={(e) => setRule(index, { withTicketTypes: e.target.value })} />
                </div>
              </RowFieldset>
            );
          })}
          <AddRowButton
            label={t('organiser.matchingRules.addRule')}
            disabled={state.rules.length >= 50}
            onAdd={() => change((s) => ({ ...s, rules: [...s.rules, { key: nextKey++, whoKind: 'role', who: '', relation: 'onlyWith', withRoles: '', withTicketTypes: '' }] }))}
          />
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={state.conflictsFromEarlierEvents} onChange={(e) => change((s) => ({ ...s, conflictsFromEarlierEvents: e.target.checked }))} />
          {t('organiser.matchingRules.earlierEvents')}
        </label>
        <div className="form-actions">
          <SubmitButton busy={result.fetching}>
            {t('organiser.matchingRules.save')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

type ConflictsReport = ImportConflictsMutation['importConflicts'];

/** A CSV of people who already know each other: previewed (dryRun), then imported. */
function ConflictsImport({ eventId, conflicts, onImported }: { eventId: string; conflicts: number; onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [csv, setCsv] = useState<string>();
  const [report, setReport] = useState<ConflictsReport>();
  const [result, importConflicts] = useMutation(ImportConflictsDocument);

  const choose = async (input: ChangeEvent<HTMLInputElement>) => {
    setReport(undefined);
    const file = input.target.files?.[0];
    setCsv(file ? await file.text() : undefined);
  };
  const run = async (dryRun: boolean) => {
    if (csv === undefined) return;
    setReport(undefined);
    const outcome = await importConflicts({ eventId, csv, dryRun });
    if (outcome.data) {
      setReport(outcome.data.importConflicts);
      if (!dryRun) onImported();
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('organiser.matchingRules.conflictsTitle')}</h2>
      <p>{t('organiser.matchingRules.conflictsCount', { count: conflicts })}</p>
      <p className="hint" id={`${id}-hint`}>
        {t('organiser.matchingRules.conflictsHint')}
      </p>
      <div className="form">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('organiser.matchingRules.conflictsFile')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" aria-describedby={`${id}-hint`} onChange={(input) => void choose(input)} />
        </div>
        {result.error ? <ErrorNotice error={result.error} /> : null}
        <div className="form-actions">
          <button type="button" className="button-secondary" disabled={csv === undefined || result.fetching} onClick={() => void run(true)}>
            {t('organiser.matchingRules.preview')}
          </button>
          <button type="button" className="button-primary" disabled={csv === undefined || result.fetching || !report?.dryRun} onClick={() => void run(false)}>
            {t('organiser.matchingRules.import')}
          </button>
        </div>
        {report ? (
          <div role="status">
            <p>{t(report.dryRun ? 'organiser.matchingRules.previewReport' : 'organiser.matchingRules.importReport', { lines: report.lines, added: report.added, known: report.alreadyKnown })}</p>
            {report.unknown.length ? (
              <>
                <p>{t('organiser.matchingRules.unknown', { count: report.unknown.length })}</p>
                <ul>
                  {report.unknown.map((entry) => (
                    <li key={`${entry.line}-${entry.value}`}>{t('organiser.matchingRules.unknownEntry', { line: entry.line, value: entry.value })}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
