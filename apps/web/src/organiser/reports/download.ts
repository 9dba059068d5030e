import { CombinedError } from '@urql/core';
import { sessionStore } from '../../shared/session';

/** Why a download failed: the API's code and reason (its JSON error body), or the network. */
export class DownloadError extends Error {
  constructor(
    readonly code: string,
    readonly reason?: string,
  ) {
    super(reason ?? code);
  }
}

/** The API's failure as the app's other errors are: the same words for the same code and reason. */
export function asCombinedError(error: unknown): CombinedError {
  if (error instanceof DownloadError && error.code !== 'NETWORK') {
    return new CombinedError({ graphQLErrors: [{ message: error.message, extensions: { code: error.code, ...(error.reason ? { reason: error.reason } : {}) } }] });
  }
  return new CombinedError({ networkError: error instanceof Error ? error : new Error(String(error)) });
}

/** The file name a `content-disposition: attachment; filename="…"` header gives, if any. */
export function filenameOf(disposition: string | null): string | undefined {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/**
 * One of the API's report files, fetched with the session's token (the API wants it in a header, so a
 * plain link or `<img src>` cannot do). A refusal throws the API's code and reason; a 401 ends the session.
 */
export async function fetchReportFile(url: string): Promise<Response> {
  const token = sessionStore.get()?.token;
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' }).catch(() => {
    throw new DownloadError('NETWORK');
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; reason?: unknown };
    if (response.status === 401) sessionStore.end('expired');
    throw new DownloadError(typeof body.code === 'string' ? body.code : 'INTERNAL_SERVER_ERROR', typeof body.reason === 'string' ? body.reason : undefined);
  }
  return response;
}

/** A report file handed to the browser as a download, named as the API names it. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await fetchReportFile(url);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filenameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
