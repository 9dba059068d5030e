/** The signals that mean "stop": Ctrl-C, a service manager, the terminal closing. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Calls `stop` once, on the first stop signal, with a line saying which one came. */
export function onStopSignal(stop: (reason: string) => void): void {
  for (const signal of STOP_SIGNALS) process.once(signal, () => stop(`${signal} received`));
}

/** Remembers the first stop signal until `release()`, instead of Node's default of exiting on the spot. */
export function holdStopSignals(): { release(): NodeJS.Signals | undefined } {
  let held: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => (held ??= signal);
  for (const signal of STOP_SIGNALS) process.on(signal, hold);
  return {
    release() {
      for (const signal of STOP_SIGNALS) process.off(signal, hold);
      return held;
    },
  };
}
