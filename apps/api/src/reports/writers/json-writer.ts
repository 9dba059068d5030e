import type { Writable } from 'node:stream';
import { assertOpen, drained, finished } from './backpressure';
import type { ReportContent, RowProgress } from './report-content';

/**
 * `{ event, round, generatedAt, stats, rows: [...] }`, the rows written one
 * line each as they come from the cursor (the same rows as GraphQL's
 * pairingReport). Returns the rows written.
 */
export async function writeJson(content: ReportContent, destination: Writable, onRow: RowProgress = () => undefined): Promise<number> {
  const done = finished(destination);
  done.catch(() => undefined); // observed below
  const head = { event: content.event, round: content.round, generatedAt: content.generatedAt, stats: content.stats };
  destination.write(`${JSON.stringify(head).slice(0, -1)},"rows":[`);
  let written = 0;
  for await (const row of content.rows) {
    assertOpen(destination);
    destination.write(`${written ? ',' : ''}\n${JSON.stringify(row)}`);
    onRow(++written, content.total);
    await drained(destination);
  }
  destination.end('\n]}\n');
  await done;
  return written;
}
