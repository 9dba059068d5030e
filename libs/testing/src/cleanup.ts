/**
 * What a test file opened and must close even when its setup failed or was abandoned: a hook that times
 * out does not stop the start it was awaiting, which goes on and opens an app (its pool and its
 * pg-listen connection), a database or a child process after the file's own `afterAll` already ran.
 * Whatever was not closed by the file is closed by `closeEverythingOpened` (run after the file's
 * hooks by `test/setup/close-opened.ts`), so jest exits and nothing is left behind.
 *
 * jest gives each test file a module registry of its own: this list is per file.
 */
const opened = new Set<() => Promise<void>>();

/**
 * Registers `close` and returns it made idempotent: the first call closes (and unregisters), later
 * calls return the same promise. `close` should wait for an opening still under way before closing it.
 */
export function closeLater(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const once = (): Promise<void> => {
    opened.delete(once);
    closing ??= close();
    return closing;
  };
  opened.add(once);
  return once;
}

/**
 * Closes everything still open, newest first (an app before the database it shares), until nothing
 * is left (closing may wait for a start that registers more). Throws once, with every failure.
 */
export async function closeEverythingOpened(): Promise<void> {
  const failures: unknown[] = [];
  while (opened.size > 0) {
    const newest = [...opened].at(-1)!;
    await newest().catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw new AggregateError(failures, `closing what the test file left open failed ${failures.length} time(s)`);
}

/** How many things are open now (tests of this mechanism). */
export function openedCount(): number {
  return opened.size;
}
