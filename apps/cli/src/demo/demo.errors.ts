import { loadApi, type ReasonOf } from '../../../api/src/public-api';

/** Why `pairwise demo` refused its options. The demo seeder has no GraphQL operation, so the enum is not in the schema; the CLI says the message. */
export const demoError = loadApi().defineErrorReasons('DemoErrorReason', 'Why the demo seeder (`pairwise demo`) refused its options.', {
  DEMO_OPTIONS: { category: 'BAD_USER_INPUT', description: 'An option of the demo event is out of range (the field is named).' },
});
export const DemoErrorReason = demoError.reason;
export type DemoErrorReason = ReasonOf<typeof demoError>;
