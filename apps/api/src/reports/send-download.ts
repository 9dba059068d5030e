import type { ServerResponse } from 'node:http';
import type { ReportExport } from './reports.service';

/**
 * Sends an export as a file download. Once the headers are out, a failure
 * can only cut the download short (the service has recorded and logged it).
 */
export async function sendDownload(response: ServerResponse, download: ReportExport): Promise<void> {
  response.statusCode = 200;
  response.setHeader('content-type', download.contentType);
  response.setHeader('content-disposition', `attachment; filename="${download.filename}"`);
  response.setHeader('cache-control', 'no-store');
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('x-report-export-id', download.id);
  await download.writeTo(response).catch(() => undefined);
}
