import { useEffect, useSyncExternalStore } from 'react';

/**
 * Whether the app can reach the API. The page shows "reconnecting" while it cannot, and pages
 * refetch what they show once it can again (a round published meanwhile was not pushed to them).
 *
 * Lost when the browser goes offline, the live socket closes abnormally or a request fails on the
 * network; found again when the socket reconnects or the API answers a probe (GET /health).
 */
export type ConnectionState = 'online' | 'reconnecting';

const PROBE_EVERY_MS = 2_000;

class ConnectionMonitor {
  private state: ConnectionState = navigator.onLine ? 'online' : 'reconnecting';
  private readonly listeners = new Set<() => void>();
  private readonly recoveryListeners = new Set<() => void>();
  private probe: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    window.addEventListener('offline', () => this.lost());
    window.addEventListener('online', () => this.probeSoon(0));
    if (this.state === 'reconnecting') this.probeSoon(PROBE_EVERY_MS);
  }

  get = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called once each time the connection comes back. */
  onRecovered(listener: () => void): () => void {
    this.recoveryListeners.add(listener);
    return () => this.recoveryListeners.delete(listener);
  }

  lost(): void {
    if (this.state !== 'reconnecting') {
      this.state = 'reconnecting';
      this.listeners.forEach((listener) => listener());
    }
    this.probeSoon(PROBE_EVERY_MS);
  }

  found(): void {
    clearTimeout(this.probe);
    this.probe = undefined;
    if (this.state === 'online') return;
    this.state = 'online';
    this.listeners.forEach((listener) => listener());
    this.recoveryListeners.forEach((listener) => listener());
  }

  private probeSoon(delayMs: number): void {
    clearTimeout(this.probe);
    this.probe = setTimeout(async () => {
      const answered = await fetch('/health', { cache: 'no-store' }).then((response) => response.ok, () => false);
      if (answered && navigator.onLine) this.found();
      else this.probeSoon(PROBE_EVERY_MS);
    }, delayMs);
  }
}

export const connection = new ConnectionMonitor();

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.get);
}

/** Runs `refresh` each time the connection comes back (not on mount). */
export function useOnReconnect(refresh: () => void): void {
  useEffect(() => connection.onRecovered(refresh), [refresh]);
}
