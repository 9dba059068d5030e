import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why a ticketing CSV could not be read at all (rows refused one by one are in the import's report instead). */
export const importsError = defineErrorReasons('ImportsErrorReason', 'Why an attendee CSV could not be imported at all.', {
  CSV_IS_WORKBOOK: { category: 'BAD_USER_INPUT', description: 'The file is a spreadsheet workbook (.xlsx), not CSV text.' },
  CSV_NO_EMAIL_COLUMN: { category: 'BAD_USER_INPUT', description: 'No column of the header holds email addresses.' },
  CSV_MALFORMED: { category: 'BAD_USER_INPUT', description: 'The text is not valid CSV (the message says where).' },
  CSV_EMPTY: { category: 'BAD_USER_INPUT', description: 'The file is empty.' },
  CSV_NO_ROWS: { category: 'BAD_USER_INPUT', description: 'The file has a header line but no attendee line.' },
  CSV_ONE_SOURCE: { category: 'BAD_USER_INPUT', description: 'The file comes once: as text in `csv` or as its bytes in `csvBase64`, one of the two.' },
  CSV_BASE64_INVALID: { category: 'BAD_USER_INPUT', description: 'An uploaded file’s base64 (`csvBase64`, or `fileBase64` of an agenda) is not standard base64; the field is named.' },
});
export const ImportsErrorReason = importsError.reason;
export type ImportsErrorReason = ReasonOf<typeof importsError>;
