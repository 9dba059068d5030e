import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  raw: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for PAIRWISE_SMTP_URL. */
  url: string;
  /** Every message the server accepted (answered 250), in order. */
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Mail to these addresses is refused at RCPT TO with 550 (a bounce). */
  rejectRecipients: Set<string>;
  /** While set, every message is answered with this code and text (e.g. 451 to defer). */
  answerData?: { code: number; message: string };
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /**
   * Parse each accepted message with mailparser (subject, text, html, headers): the default. With false only
   * the envelope recipient, the raw message and its Message-ID are kept — for tests that count thousands of
   * messages, where parsing them all costs the loaded machine more CPU than the API spends sending them.
   */
  parse?: boolean;
}

/** A real SMTP server (smtp-server) on a free port of 127.0.0.1; what it accepts is parsed with mailparser. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejectRecipients = new Set<string>();
  const parsing: Promise<unknown>[] = [];
  const state: TestSmtpServer = {
    url: '',
    received,
    rejectRecipients,
    waitFor: async (count, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, received ${received.length} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await Promise.all(parsing);
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectRecipients.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.answerData) return callback(Object.assign(new Error(state.answerData.message), { responseCode: state.answerData.code }));
        const raw = Buffer.concat(chunks).toString('utf8');
        // Recorded before the 250 goes out: what the client is told was accepted is in `received`.
        const entry: ReceivedMail = { to: session.envelope.rcptTo.map((r) => r.address).join(','), from: '', messageId: '', subject: '', text: '', html: '', headers: new Map(), raw };
        received.push(entry);
        callback();
        if (options.parse === false) {
          entry.messageId = messageIdOf(raw);
          return;
        }
        const parse = simpleParser(raw).then(
          (parsed) =>
            Object.assign(entry, {
              from: parsed.from?.text ?? '',
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
            }),
          () => undefined,
        );
        parsing.push(parse);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // smtp-server re-emits a client connection's errors on the server: an API process killed mid-session (as the
  // crash tests do) resets its socket (ECONNRESET), and with no listener that error would crash the test
  // process. A real mail server carries on serving the other clients; so does this one.
  server.on('error', () => undefined);
  state.url = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  return state;
}

/** The Message-ID header of a raw message (its header section, folded lines joined), without parsing the rest. */
function messageIdOf(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(headers)?.[1] ?? '';
}
