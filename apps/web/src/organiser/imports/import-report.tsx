import { useTranslation } from 'react-i18next';
import type { OrganiserImportAttendeesMutation } from '../../gql/graphql';

export type ImportReportData = OrganiserImportAttendeesMutation['importAttendees'];

/** The profile fields an import column can fill (ImportColumn.field), in the catalogue's words. */
const FIELDS = [
  'email', 'name', 'firstName', 'lastName', 'company', 'role', 'seniority', 'stack', 'interests', 'lookingFor', 'canOffer', 'languages', 'bio', 'links', 'consentMatchmaking', 'present',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (field: string): field is Field => (FIELDS as readonly string[]).includes(field);

/** What the file's columns fill: each header as written, and the field (or "not imported"). */
function ColumnsTable({ report }: { report: ImportReportData }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={t('organiser.import.columns')} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{t('organiser.import.columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organiser.import.header')}</th>
            <th scope="col">{t('organiser.import.field')}</th>
          </tr>
        </thead>
        <tbody>
          {report.columns.map((column, index) => (
            <tr key={`${index}-${column.header}`}>
              <th scope="row">{column.header}</th>
              <td>
                {column.field ? (
                  isField(column.field) ? t(`organiser.import.fields.${column.field}`) : column.field
                ) : (
                  <span className="badge badge-warning">{t('organiser.import.notImported')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A preview (dry run) or the result of an import: the columns mapped, the counts, rejected lines with
 * their reason, tags the vocabulary lacks, and who can be matched now (and what to do about the others).
 */
export function ImportReport({ report }: { report: ImportReportData }) {
  const { t } = useTranslation();
  const delimiter = report.delimiter === '\t' ? t('organiser.import.tab') : report.delimiter === ';' ? t('organiser.import.semicolon') : t('organiser.import.comma');
  const counts = report.dryRun
    ? [
        [t('organiser.import.wouldCreate'), report.created],
        [t('organiser.import.wouldUpdate'), report.updated],
        [t('organiser.import.unchanged'), report.unchanged],
        [t('organiser.import.rejected'), report.rejected.length],
      ]
    : [
        [t('organiser.import.created'), report.created],
        [t('organiser.import.updated'), report.updated],
        [t('organiser.import.unchanged'), report.unchanged],
        [t('organiser.import.rejected'), report.rejected.length],
      ];
  return (
    <>
      <section aria-labelledby="import-columns">
        <h2 id="import-columns">{t('organiser.import.columns')}</h2>
        <p className="muted">
          {t('organiser.import.read', { rows: report.rows, delimiter })}
          {/* Read from the file's bytes by the API: what a garbled accent would be explained by. */}
          {report.encoding ? ` ${t('organiser.import.encoding', { encoding: report.encoding.toUpperCase() })}` : null}
        </p>
        <ColumnsTable report={report} />
      </section>

      <section aria-labelledby="import-counts">
        <h2 id="import-counts">{report.dryRun ? t('organiser.import.wouldDo') : t('organiser.import.didDo')}</h2>
        <dl className="counts">
          {counts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="import-matchable">
        <h2 id="import-matchable">{t('organiser.import.matchable')}</h2>
        <p>{t('organiser.import.matchableNow', { count: report.matchableNow, total: report.created + report.updated + report.unchanged })}</p>
        {report.notMatchableNow.length ? (
          <ul className="reasons">
            {report.notMatchableNow.map((entry) => (
              <li key={entry.reason}>
                <strong>{t(`organiser.import.notMatchable.${entry.reason === 'NO_CONSENT' ? 'NO_CONSENT' : 'NOT_PRESENT'}`, { count: entry.count })}</strong>{' '}
                {t(`organiser.import.fix.${entry.reason === 'NO_CONSENT' ? 'NO_CONSENT' : 'NOT_PRESENT'}`)}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {report.rejected.length ? (
        <section aria-labelledby="import-rejected">
          <h2 id="import-rejected">{t('organiser.import.rejectedLines')}</h2>
          <div className="table-scroll" role="region" aria-label={t('organiser.import.rejectedLines')} tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{t('organiser.import.rejectedLines')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="number">
                    {t('organiser.import.line')}
                  </th>
                  <th scope="col">{t('organiser.import.email')}</th>
                  <th scope="col">{t('organiser.import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((row) => (
                  <tr key={row.line}>
                    <td className="number">{row.line}</td>
                    <td>{row.email}</td>
                    {/* The API's own words (English): the field and what is wrong with it. */}
                    <td lang="en">{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {report.unknownTags.length || report.ignoredColumns.length ? (
        <section aria-labelledby="import-notes">
          <h2 id="import-notes">{t('organiser.import.notes')}</h2>
          {report.unknownTags.length ? <p>{t('organiser.import.unknownTags', { tags: report.unknownTags.join(', ') })}</p> : null}
          {report.ignoredColumns.length ? <p>{t('organiser.import.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</p> : null}
        </section>
      ) : null}
    </>
  );
}
