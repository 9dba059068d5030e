import { closeEverythingOpened } from '@pairwise/testing';

/**
 * After every test file (setupFilesAfterEnv): close what the file opened and did not close — an app whose
 * start outlived a timed-out hook, a database, a child process — so a failed setup never leaves jest
 * waiting on a connection ("Jest did not exit"). Suites keep their hooks inside `describe` blocks, whose
 * `afterAll` run before this one.
 */
afterAll(() => closeEverythingOpened());
