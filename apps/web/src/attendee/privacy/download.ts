/** Saves `data` as a pretty-printed JSON file through the browser's download (nothing leaves the device). */
export function downloadJson(data: unknown, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "pairwise-my-data-paris-ai-days-2026-12-06.json" */
export function exportFileName(eventSlug: string, now: Date): string {
  return `pairwise-my-data-${eventSlug.replace(/[^a-z0-9-]+/gi, '-')}-${now.toISOString().slice(0, 10)}.json`;
}
