/**
 * SQL on a sending lane's own connection, inside the transaction that holds the message (see MailSender).
 * An EntityManager fits it too: the SQL snapshots run the lane's statements through one.
 */
export interface Lane {
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
}
