import { createTransport, type Transporter } from 'nodemailer';

/** A message ready for the wire: rendered, addressed, with its stable Message-ID. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What the SMTP server answered, sorted by what to do next. */
export type SendOutcome =
  | { result: 'sent'; answer: string }
  /** The server refused the recipient for good (5xx to RCPT TO): the address does not take mail. */
  | { result: 'bounced'; answer: string }
  /** Refused for good for another reason (5xx): trying again would not help. */
  | { result: 'failed'; answer: string }
  /** Worth another try later: 4xx, a dropped connection, a timeout. */
  | { result: 'deferred'; answer: string };

export interface MailTransport {
  send(mail: OutgoingMail, signal: AbortSignal): Promise<SendOutcome>;
  close(): void;
}

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
}

/**
 * Nodemailer over SMTP with a pool of `connections` (one per sending lane). Timeouts are well under the
 * time a lane may hold its claim, so a stuck server never keeps a message locked.
 */
export function smtpTransport(url: string, connections: number): MailTransport {
  const transporter: Transporter = createTransport({
    url,
    pool: true,
    maxConnections: connections,
    maxMessages: 1000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail, signal) {
      try {
        const info = await transporter.sendMail({ ...mail, signal });
        return { result: 'sent', answer: String(info.response ?? '') };
      } catch (error) {
        return classify(error as SmtpError);
      }
    },
    close: () => transporter.close(),
  };
}

export function classify(error: SmtpError): SendOutcome {
  const answer = (error.response ?? error.message ?? String(error)).slice(0, 1000);
  const code = error.responseCode ?? 0;
  if (code >= 500 && error.command === 'RCPT TO') return { result: 'bounced', answer };
  if (code >= 500 || (error.permanent && code >= 500)) return { result: 'failed', answer };
  return { result: 'deferred', answer };
}
