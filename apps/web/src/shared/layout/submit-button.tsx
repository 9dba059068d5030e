import type { ReactNode } from 'react';

/** A form's main button: disabled while the form is on its way, and saying so when given a `busyLabel` ("Saving…"). */
export function SubmitButton({ busy, busyLabel, children }: { busy: boolean; busyLabel?: string; children: ReactNode }) {
  return (
    <button type="submit" className="button-primary" disabled={busy}>
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}
