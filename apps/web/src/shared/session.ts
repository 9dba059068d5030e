import { useSyncExternalStore } from 'react';
import type { ViewerRole } from '../gql/graphql';

/** Who is signed in on this device, kept across reloads (localStorage) and shared by the tabs. */
export interface Session {
  token: string;
  /** ISO date-time after which the API refuses the token. */
  expiresAt: string;
  /** From then on, `refreshSession` gives a longer-lasting token (see SessionRefresh). */
  refreshAfter?: string;
  role: ViewerRole;
  /** Attendees belong to one event: its slug, for their pages' addresses. */
  eventSlug?: string;
}

/** Why the last session ended: the sign-in page says so. */
export type SessionEnd = 'expired' | 'signed-out' | 'signed-out-everywhere' | 'deleted';

const STORAGE_KEY = 'pairwise.session';

function read(): Session | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    if (!stored || typeof stored.token !== 'string' || typeof stored.expiresAt !== 'string') return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

let current = read();
let lastEnd: SessionEnd | undefined;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

// Another tab signed in or out: follow it.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  current = read();
  emit();
});

export const sessionStore = {
  /** The session, unless there is none or its token has expired (then it ends as `expired`). */
  get(): Session | undefined {
    if (current && Date.parse(current.expiresAt) <= Date.now()) sessionStore.end('expired');
    return current;
  },
  lastEnd: (): SessionEnd | undefined => lastEnd,
  /** The fields of a sign-in's answer (`SessionFields`), and the attendee's event. */
  fromPayload(payload: { token: string; expiresAt: string; refreshAfter: string; viewer: { role: ViewerRole } }, eventSlug?: string): Session {
    return { token: payload.token, expiresAt: payload.expiresAt, refreshAfter: payload.refreshAfter, role: payload.viewer.role, eventSlug };
  },
  start(session: Session): void {
    current = session;
    lastEnd = undefined;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    emit();
  },
  end(reason: SessionEnd): void {
    if (!current) return;
    current = undefined;
    lastEnd = reason;
    localStorage.removeItem(STORAGE_KEY);
    emit();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | undefined {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
