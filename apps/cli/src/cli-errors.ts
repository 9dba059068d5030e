/** Bad input from the person at the terminal: one line on stderr, exit code 2. */
export class CliUsageError extends Error {}
