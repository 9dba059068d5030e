import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError, reasonOf } from '../../shared/api-error';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { namesOf, violationsOf, type Adjustment, type Seat } from './adjustment';
import type { AdjustState } from './use-adjust';

/** The people an adjustment concerns, in words: "Ada Lovelace ⇄ Grace Hopper", "Ada Lovelace → table A3". */
function useDescribe() {
  const { t } = useTranslation();
  return (adjustment: Adjustment) =>
    adjustment.kind === 'swap'
      ? t('organiser.adjust.swapOf', { a: adjustment.a.name, b: adjustment.b.name })
      : t('organiser.adjust.moveOf', { name: adjustment.who.name, table: adjustment.to.table });
}

/**
 * Changing a generated draft by hand: who is selected, the swap of two of them, and what the API
 * said — a change that breaks a hard rule is refused in words, and can be forced with a reason.
 * (A move is started from the table it goes to: "Move here".)
 */
export function AdjustPanel({ selected, adjust, onClear }: { selected: Seat[]; adjust: AdjustState; onClear: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const describe = useDescribe();
  const swapButton = useRef<HTMLButtonElement>(null);
  const [first, second] = selected;
  // Two people chosen: the swap is the next step, so the keyboard goes there (the tables can be long).
  useEffect(() => {
    if (second) swapButton.current?.focus();
  }, [second]);

  const where = (seat: Seat) => (seat.table ? t('organiser.adjust.atTable', { name: seat.name, table: seat.table }) : t('organiser.adjust.sittingOut', { name: seat.name }));
  return (
    <section className="adjust-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('organiser.adjust.title')}
      </h2>
      <div aria-live="polite" className="adjust-status">
        {adjust.done && !adjust.refused ? <p className="notice notice-success">{t('organiser.adjust.done', { change: describe(adjust.done) })}</p> : null}
      </div>
      {adjust.refused ? (
        <Refusal adjust={adjust} describe={describe} />
      ) : !first ? (
        <p className="hint">{t('organiser.adjust.hint')}</p>
      ) : (
        <div className="adjust-selection">
          <p>
            {second ? t('organiser.adjust.selectedTwo', { a: where(first), b: where(second) }) : t('organiser.adjust.selectedOne', { who: where(first) })}
          </p>
          <div className="form-actions">
            {second ? (
              <button ref={swapButton} type="button" className="button-primary" disabled={adjust.busy} onClick={() => void adjust.run({ kind: 'swap', a: first, b: second })}>
                {t('organiser.adjust.swap', { a: first.name, b: second.name })}
              </button>
            ) : null}
            <button type="button" className="button-secondary" onClick={onClear}>
              {t('organiser.adjust.clear')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Why the API said no. A hard rule: which, between whom, and the forced change with its reason; anything else: its message. */
function Refusal({ adjust, describe }: { adjust: AdjustState; describe: (adjustment: Adjustment) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const { adjustment, error } = adjust.refused!;
  const extensions = error.graphQLErrors[0]?.extensions;
  const violations = reasonOf(extensions) === 'HARD_RULE' ? violationsOf(extensions) : [];
  const names = namesOf(adjustment);
  const nameOf = (attendeeId: string) => names.get(attendeeId) ?? t('organiser.adjust.someone');
  const [reasonMissing, setReasonMissing] = useState(false);
  const needsReason = reasonMissing || describeApiError(error).reason === 'OVERRIDE_NEEDS_REASON';
  useEffect(() => reasonField.current?.focus(), [error]);

  if (!violations.length && !needsReason) {
    return (
      <div className="adjust-refusal">
        <ErrorNotice error={error} />
        <button type="button" className="button-secondary" onClick={adjust.dismiss}>
          {t('organiser.adjust.dismiss')}
        </button>
      </div>
    );
  }
  const force = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    // Spaces are no reason: the API would refuse them too (OVERRIDE_NEEDS_REASON).
    setReasonMissing(!reason);
    if (!reason) return reasonField.current?.focus();
    void adjust.run(adjustment, { reason });
  };
  return (
    <form className="adjust-refusal notice notice-error" role="alert" aria-labelledby={`${id}-title`} onSubmit={force}>
      <h3 id={`${id}-title`}>{t('organiser.adjust.refusedTitle', { change: describe(adjustment) })}</h3>
      {violations.length ? (
        <ul>
          {violations.map((violation) => (
            <li key={`${violation.rule}-${violation.attendeeA}-${violation.attendeeB}`}>
              {t(`organiser.adjust.rule.${ruleKey(violation.rule)}`, { a: nameOf(violation.attendeeA), b: nameOf(violation.attendeeB) })}
            </li>
          ))}
        </ul>
      ) : null}
      {needsReason ? <p>{t('errors.reason.OVERRIDE_NEEDS_REASON')}</p> : null}
      <p>{t('organiser.adjust.forceExplained')}</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('organiser.adjust.reason')}</label>
        <textarea ref={reasonField} id={`${id}-reason`} name="reason" required maxLength={500} rows={2} aria-invalid={needsReason || undefined} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={adjust.busy}>
          {adjustment.kind === 'swap' ? t('organiser.adjust.forceSwap') : t('organiser.adjust.forceMove')}
        </button>
        <button type="button" className="button-secondary" onClick={adjust.dismiss}>
          {t('organiser.adjust.keepDraft')}
        </button>
      </div>
    </form>
  );
}

const RULES = ['blocked', 'already-met', 'no-common-language', 'meeting-rule', 'same-company', 'excluded', 'same-person', 'unknown-attendee'] as const;

/** The catalogue's key for a rule the matching library names; one it does not know yet reads as a rule in general. */
function ruleKey(rule: string): (typeof RULES)[number] | 'other' {
  return (RULES as readonly string[]).includes(rule) ? (rule as (typeof RULES)[number]) : 'other';
}
