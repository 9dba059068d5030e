import type { Writable } from 'node:stream';

/** The destination went away before the report was complete (a client closed the download). */
export class ExportAborted extends Error {
  constructor() {
    super('The destination closed before the report was complete');
    this.name = 'ExportAborted';
  }
}

/** Throws ExportAborted once `destination` is closed or failed. */
export function assertOpen(destination: Writable): void {
  if (destination.destroyed || destination.writableEnded || destination.closed) throw new ExportAborted();
}

/**
 * Waits while `buffer` (the stream being written, or the destination it
 * feeds) holds more than its high-water mark: a slow client slows the
 * database cursor instead of filling memory. Rejects when `destination`
 * closes first.
 */
export async function drained(buffer: Writable, destination: Writable = buffer): Promise<void> {
  assertOpen(destination);
  if (!buffer.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      buffer.off('drain', onDrain);
      destination.off('close', onClose);
      destination.off('error', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new ExportAborted());
    };
    buffer.once('drain', onDrain);
    destination.once('close', onClose);
    destination.once('error', onClose);
  });
}

/** Resolves when `destination` has flushed everything; rejects with ExportAborted if it closes first. */
export function finished(destination: Writable): Promise<void> {
  if (destination.writableFinished) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      destination.off('finish', onFinish);
      destination.off('close', onClose);
      destination.off('error', onClose);
    };
    const onFinish = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      if (destination.writableFinished) resolve();
      else reject(new ExportAborted());
    };
    destination.once('finish', onFinish);
    destination.once('close', onClose);
    destination.once('error', onClose);
  });
}
