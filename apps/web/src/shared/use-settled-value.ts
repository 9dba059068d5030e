import { useEffect, useState } from 'react';

/** How long typed text waits after the last key before it is used (typing a name is not ten queries). */
export const TYPING_PAUSE_MS = 300;

/** `value` once it has stopped changing for `delayMs`: a search box asks the API after a pause, not at every key. */
export function useSettledValue<T>(value: T, delayMs = TYPING_PAUSE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
