import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { isLockNotAvailable } from '../common/postgres-errors';
import type { AppConfig } from '../config/app-config';
import type { Lane } from './lane';
import { composeClaimed, type ClaimedMessage, type ComposedMessage } from './message-composer';
import { MessageFactsRepository } from './message-facts.repository';
import { MailSecrets, hashSignInToken } from './mail-secrets';
import { smtpTransport, type MailTransport, type SendOutcome } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { SignInLinksRepository } from './sign-in-links.repository';

/** Tries of a message the server deferred (4xx, no connection…) before it is marked FAILED. */
export const MAX_ATTEMPTS = 5;
/** How long one SMTP send may take before it is abandoned (and retried): far below the lane's lock timeout. */
const SEND_TIMEOUT_MS = 20_000;
/** A lane whose process hangs loses its claim after this (PostgreSQL ends the idle transaction, freeing the row). */
const LANE_IDLE_IN_TRANSACTION_MS = 60_000;
const IDLE_POLL_MS = 1_000;
const BUSY_RETRY_MS = 100;
/** Sign-in requests are looked at when one is made in this process, and at least this often (made in another). */
const REQUEST_POLL_MS = 1_000;
const REQUESTS_PER_STATEMENT = 100;
export const SIGN_IN_LINK_MINUTES = 15;

/**
 * Sends the outbox (and turns sign-in link requests into messages first: see dispatchSignInRequests). Each
 * lane is one PostgreSQL connection of its own and, at most, one message at a time:
 *
 * 1. BEGIN; claim one due QUEUED row with FOR UPDATE SKIP LOCKED (other lanes and processes skip it);
 * 2. render it from the database as it is now (or cancel it: round cancelled, attendee unsubscribed…);
 * 3. take the next global sending slot (mail_pacing, so PAIRWISE_MAIL_RATE holds across processes) and wait for it;
 * 4. write the row as SENT (not yet committed), hand the message to the SMTP server;
 * 5. on the server's 250, COMMIT at once — one write, no round trip to wait for; on a refusal, record it and COMMIT.
 *
 * If the process dies before 5, PostgreSQL rolls the transaction back when the connection drops: the row is
 * QUEUED again and another lane (or this process after a restart) sends it. A message is therefore sent twice
 * only if the process dies between the server's 250 and the COMMIT reaching PostgreSQL (microseconds), or the
 * database connection is lost in that window; the retry is the same message with the same Message-ID and link.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private readonly secrets: MailSecrets;
  private readonly mail: AppConfig['mail'];
  private transport?: MailTransport;
  private lanes: Promise<void>[] = [];
  private clients: Client[] = [];
  private running = false;
  private sleeper?: { promise: Promise<void>; wake: () => void };
  private nextRequestLook = 0;
  /** Messages this process finished (sent, failed, held, cancelled): for the CLI's progress and tests. */
  finished = 0;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly outbox: OutboxRepository,
    private readonly signInLinks: SignInLinksRepository,
    private readonly facts: MessageFactsRepository,
  ) {
    this.mail = config.get('mail', { infer: true });
    this.secrets = new MailSecrets(config.get('auth', { infer: true }).jwtSecret ?? 'development-only-secret');
  }

  get hasTransport(): boolean {
    return Boolean(this.mail.smtpUrl);
  }

  /** Starts the lanes (the API at boot; the CLI while it invites). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const lanes = this.mail.smtpUrl ? this.mail.connections : 1;
    if (this.mail.smtpUrl) this.transport = smtpTransport(this.mail.smtpUrl, lanes);
    for (let index = 0; index < lanes; index++) {
      const client = new Client({
        connectionString: this.config.get('databaseUrl', { infer: true }),
        application_name: 'pairwise-mail',
        idle_in_transaction_session_timeout: LANE_IDLE_IN_TRANSACTION_MS,
      });
      client.on('error', (error) => this.logger.warn({ err: error }, 'Mail lane connection error'));
      await client.connect();
      this.clients.push(client);
      this.lanes.push(this.runLane(client, index));
    }
  }

  /** Something was queued in this process: look now rather than at the next poll. */
  wake(): void {
    this.sleeper?.wake();
  }

  /** A sign-in link was asked for in this process: a lane turns it into a message now. */
  signInRequested(): void {
    this.nextRequestLook = 0;
    this.wake();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await Promise.allSettled(this.lanes);
    this.lanes = [];
    await Promise.allSettled(this.clients.map((client) => client.end()));
    this.clients = [];
    this.transport?.close();
    this.transport = undefined;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async runLane(client: Client, index: number): Promise<void> {
    const lane: Lane = { query: async (sql, parameters) => (await client.query(sql, parameters)).rows };
    while (this.running) {
      try {
        if (Date.now() >= this.nextRequestLook) {
          this.nextRequestLook = Date.now() + REQUEST_POLL_MS;
          await this.dispatchSignInRequests(lane);
        }
        const delivered = await this.deliverOne(client, lane);
        if (!delivered) await this.nothingDue();
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!this.running) break;
        if (isLockNotAvailable(error)) {
          // A person the message names is being erased (see PeopleReader): the message is taken again once that is done.
          this.logger.debug({ lane: index }, 'A person this message names is being erased; trying again shortly');
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          continue;
        }
        this.logger.error({ err: error, lane: index }, 'Mail lane failed; retrying in a second');
        await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      }
    }
  }

  /**
   * requestSignInLink only records a request (the same work for any address); here, after the answer has
   * gone, a lane looks the address up and queues the link. The links are then sent like any message.
   */
  private async dispatchSignInRequests(lane: Lane): Promise<void> {
    for (;;) {
      const { handled } = await this.signInLinks.dispatchRequests(REQUESTS_PER_STATEMENT, lane);
      if (handled < REQUESTS_PER_STATEMENT) return;
    }
  }

  /** One message, start to end, in one transaction; false when nothing is due. */
  private async deliverOne(client: Client, lane: Lane): Promise<boolean> {
    await client.query('BEGIN');
    const claimed = await this.outbox.claimDue(lane);
    if (!claimed) {
      await client.query('COMMIT');
      return false;
    }
    const composition = await composeClaimed(this.facts, lane, claimed, {
      publicUrl: this.mail.publicUrl,
      signInToken: (id) => this.secrets.signInToken(id),
      unsubscribeToken: (id) => this.secrets.unsubscribeToken(id),
      linkLifetimeMs: (kind) => (kind === 'SIGN_IN_LINK' ? SIGN_IN_LINK_MINUTES * 60_000 : this.config.get('auth', { infer: true }).accessCodeTtlHours * 3_600_000),
    });
    if ('cancelled' in composition) {
      await this.outbox.finish(claimed.id, 'CANCELLED', composition.cancelled, lane);
      await client.query('COMMIT');
      this.finished++;
      return true;
    }
    const message = composition.message;
    const messageId = `<${claimed.id}@${mailDomain(this.mail.from)}>`;
    if (message.link) await this.signInLinks.saveLink(claimed, hashSignInToken(message.link.token), message.link.expiresAt, lane);
    if (!this.transport) {
      await this.outbox.recordRendered(claimed.id, messageId, message, 'HELD', 'No SMTP server is configured (PAIRWISE_SMTP_URL): the message stays in the outbox', lane);
      await client.query('COMMIT');
      if (message.link && this.config.get('env', { infer: true }) === 'development') {
        this.logger.log(`Sign-in link for ${message.to} (no SMTP configured): ${this.mail.publicUrl}/sign-in?token=${message.link.token}`);
      }
      this.finished++;
      return true;
    }
    const wait = await this.outbox.reserveSlot(this.mail.ratePerSecond);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.outbox.recordRendered(claimed.id, messageId, message, 'SENT', null, lane);
    const outcome = await this.transport.send(
      { from: this.mail.from, to: message.to, subject: message.subject, text: message.text, html: message.html, messageId, headers: message.headers },
      AbortSignal.timeout(SEND_TIMEOUT_MS),
    );
    if (outcome.result !== 'sent') await this.recordRefusal(lane, claimed, outcome);
    // Nothing between the server's answer and this COMMIT: it is the one write that makes the send count.
    await client.query('COMMIT');
    this.finished++;
    return true;
  }

  private async recordRefusal(lane: Lane, claimed: ClaimedMessage, outcome: Exclude<SendOutcome, { result: 'sent' }>): Promise<void> {
    const attempts = claimed.attempts + 1;
    if (outcome.result === 'deferred' && attempts < MAX_ATTEMPTS) {
      // 30 s, 1 min, 2 min, 4 min: a server that is down for a while is not hammered.
      await this.outbox.retryLater(claimed.id, outcome.answer, 30_000 * 2 ** (attempts - 1), lane);
      return;
    }
    await this.outbox.finish(claimed.id, outcome.result === 'bounced' ? 'BOUNCED' : 'FAILED', outcome.answer, lane);
    this.logger.warn({ messageId: claimed.id, kind: claimed.kind, answer: outcome.answer }, `Mail ${outcome.result === 'bounced' ? 'bounced' : 'failed'}`);
  }

  /** Lanes with nothing to do wait together, until the next poll or until something is queued here. */
  private nothingDue(): Promise<void> {
    if (!this.sleeper) {
      let wake!: () => void;
      const promise = new Promise<void>((resolve) => {
        const timer = setTimeout(() => wake(), IDLE_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          if (this.sleeper?.promise === promise) this.sleeper = undefined;
          resolve();
        };
      });
      this.sleeper = { promise, wake };
    }
    return this.sleeper.promise;
  }
}

/** The domain of the From address, for Message-IDs. */
export function mailDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'pairwise.invalid';
}

export type { ComposedMessage };
