import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button whose action is asked about first, in a modal dialog (the browser's own <dialog>: focus
 * moves into it and stays there, Escape closes it, focus returns to the button).
 */
export function ConfirmAction({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  danger = false,
  primary = false,
  disabled = false,
}: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
  primary?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = () => {
    dialog.current?.close();
    onConfirm();
  };
  return (
    <>
      <button type="button" className={primary ? 'button-primary' : danger ? 'button-danger' : 'button-secondary'} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-text`}>{children}</div>
        <div className="form-actions">
          <button type="button" className={danger ? 'button-danger' : 'button-primary'} onClick={confirm} autoFocus>
            {confirmLabel}
          </button>
          <button type="button" className="button-secondary" onClick={() => dialog.current?.close()}>
            {t('organiser.dialog.back')}
          </button>
        </div>
      </dialog>
    </>
  );
}
