/** The formats a pairing report is written in (apart from the entity, so the CLI's help loads no ORM). */
export const REPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
