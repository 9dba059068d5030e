import { randomBytes, randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { notFound, unauthenticated } from '../common/domain-error';
import { authError, AuthErrorReason } from './auth.errors';
import type { AppConfig } from '../config/app-config';
import { assertCanManageAttendee } from '../attendees/attendee-view';
import { AccessCodesRepository, type AccessCodeSubject } from './access-codes.repository';
import { generateAccessCode, hashAccessCode } from './access-code';
import type { Actor, TokenClaims } from './actor';
import type { AuthState } from './auth.decorators';
import { hashPassword, verifyPassword } from './password-hasher';
import { attendeeSessionEnd, refreshAfter, staffSessionEnd, type SessionPolicy } from './session-lifetime';
import { SessionsRepository, type SessionSubject } from './sessions.repository';
import { SignInThrottle } from './sign-in-throttle';
import { VerifiedTokens } from './verified-tokens';
import { AttendeesRepository } from '../attendees/attendees.repository';

export const TOKEN_ISSUER = 'pairwise';
export const TOKEN_AUDIENCE = 'pairwise-api';

/** A valid token whose person was deleted, erased, or is not in the token's event. */
export const callerGone = () => unauthenticated('The person behind this token no longer exists');

/** A valid token whose session was ended (signed out, everywhere or here) or ran out. */
export const sessionEnded = () => authError(AuthErrorReason.SESSION_ENDED, 'This session has ended (signed out or expired): sign in again');

/** No session has this id: for looking an account up before it has one. */
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export interface LoginCommand {
  email: string;
  password?: string;
  accessCode?: string;
  /** The client's address (failed sign-ins are counted per account and network). */
  clientAddress?: string;
}

/** A session just opened or refreshed, and the token that carries it (see toAuthPayload). */
export interface IssuedSession {
  token: string;
  sessionId: string;
  /** The token's expiry, and its session's. */
  expiresAt: Date;
  /** From then on, `refreshSession` gives a token that lasts longer (half the token's life). */
  refreshAfter: Date;
  actor: Actor;
}

export interface AccessCodeGrant {
  code: string;
  expiresAt: Date;
}

const INVALID_CREDENTIALS = 'The email and password or access code do not match';

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

@Injectable()
export class AuthService {
  private readonly verifiedTokens = new VerifiedTokens();

  private readonly policy: SessionPolicy;
  private readonly liveSessions = new DataLoader<string, boolean>(
    async (ids) => {
      const live = await this.sessions.liveAmong(ids);
      return ids.map((id) => live.has(id));
    },
    { cache: false, batchScheduleFn: (run) => setImmediate(run) },
  );

  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly sessions: SessionsRepository,
    private readonly throttle: SignInThrottle,
    private readonly accounts: AccountsRepository,
    private readonly accessCodes: AccessCodesRepository,
  ) {
    const auth = config.get('auth', { infer: true });
    this.policy = { graceHours: auth.sessionGraceHours, staffIdleHours: auth.staffSessionHours };
  }

  /**
   * Reads a `Bearer` token; never throws, so public operations work whatever the header says.
   * An attendee comes back `unconfirmed`: whether they still exist is for `confirm` (the AuthGuard)
   * or for a handler that checks it in its own statement.
   */
  async authenticate(header: string | string[] | undefined): Promise<AuthState> {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return {};
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    if (!match) return { error: unauthenticated('The Authorization header must be "Bearer <token>"') };
    const token = match[1]!;
    let claims: TokenClaims | undefined = this.verifiedTokens.get(token);
    if (!claims) {
      try {
        const verified = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token, {
          algorithms: ['HS256'],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
        });
        this.verifiedTokens.remember(token, verified);
        claims = verified;
      } catch (error) {
        const expired = (error as Error).name === 'TokenExpiredError';
        return { error: expired ? sessionEnded() : unauthenticated('The token is not valid') };
      }
    }
    // Tokens from before sessions existed, or not of ours: nothing to check them against.
    if (!isUuid(claims.sid) || !isUuid(claims.sub)) return { error: unauthenticated('The token is not valid: sign in again') };
    if (claims.kind === 'attendee') {
      if (!claims.evt) return { error: callerGone() };
      return { actor: { kind: 'attendee', attendeeId: claims.sub, eventId: claims.evt }, sessionId: claims.sid, unconfirmed: true };
    }
    if (claims.kind !== 'account') return { error: unauthenticated('The token is not valid') };
    const account = await this.sessions.accountOfSession(claims.sub, claims.sid);
    if (!account) return { error: callerGone() };
    if (!account.sessionLive) return { error: sessionEnded() };
    const actor: Actor = { kind: 'account', accountId: claims.sub, isAdmin: account.isAdmin, organiserOf: new Set(account.organiserOf) };
    return { actor, sessionId: claims.sid };
  }

  /** Looks up the attendee of an `unconfirmed` state: still there, not erased, in the token's event, session live. */
  async confirm(state: AuthState): Promise<AuthState> {
    if (!state.unconfirmed || state.actor?.kind !== 'attendee' || !state.sessionId) return state;
    const attendee = await this.sessions.attendeeOfSession(state.actor.attendeeId, state.sessionId);
    if (!attendee || attendee.erased || attendee.eventId !== state.actor.eventId) return { error: callerGone() };
    if (!attendee.sessionLive) return { error: sessionEnded() };
    return { actor: state.actor, sessionId: state.sessionId };
  }

  async login(command: LoginCommand): Promise<IssuedSession> {
    const email = command.email.trim().toLowerCase();
    if (Boolean(command.password) === Boolean(command.accessCode)) {
      throw authError(AuthErrorReason.LOGIN_NEEDS_ONE_SECRET, 'Give either a password or an access code');
    }
    // Counted as a failure from here on, unless it succeeds.
    const attempt = await this.throttle.begin(email, command.clientAddress);
    let subject: SessionSubject;
    try {
      subject = command.password ? await this.checkPassword(email, command.password) : await this.redeemAccessCode(email, command.accessCode!);
    } catch (error) {
      await this.throttle.failed(attempt);
      throw error;
    }
    await this.throttle.succeeded(attempt);
    return subject.kind === 'attendee' ? this.startAttendeeSession(subject.attendeeId) : this.startStaffSession(subject.accountId);
  }

  /**
   * Signs an attendee in (after they proved who they are: an access code, a sign-in link): a new
   * session that lasts until their event ends plus the grace period (session-lifetime.ts).
   */
  async startAttendeeSession(attendeeId: string): Promise<IssuedSession> {
    const attendee = await this.sessions.attendeeForSession(attendeeId);
    if (!attendee) throw callerGone();
    const now = new Date();
    const expiresAt = wholeSeconds(attendeeSessionEnd(now, attendee.eventEndsAt, this.policy));
    const session = await this.sessions.insert({ kind: 'attendee', attendeeId }, expiresAt);
    const actor: Actor = { kind: 'attendee', attendeeId, eventId: attendee.eventId };
    return this.issue(session.id, actor, now, expiresAt);
  }

  /** Signs a staff account in (after its password or access code): a session that slides with use (session-lifetime.ts). */
  async startStaffSession(accountId: string): Promise<IssuedSession> {
    const account = await this.sessions.accountOfSession(accountId, NO_SESSION);
    if (!account) throw callerGone();
    const now = new Date();
    const expiresAt = wholeSeconds(staffSessionEnd(now, now, this.policy));
    const session = await this.sessions.insert({ kind: 'account', accountId }, expiresAt);
    const actor: Actor = { kind: 'account', accountId, isAdmin: account.isAdmin, organiserOf: new Set(account.organiserOf) };
    return this.issue(session.id, actor, now, expiresAt);
  }

  /**
   * A new token for the caller's live session, which now lasts as the rules say at this moment
   * (the event's current end for an attendee, the idle period for staff). Earlier tokens of the
   * session keep working until their own expiry.
   */
  async refreshSession(actor: Actor, sessionId: string): Promise<IssuedSession> {
    const session = await this.sessions.findLive(sessionId);
    if (!session) throw sessionEnded();
    const now = new Date();
    const expiresAt = wholeSeconds(
      session.subject.kind === 'attendee' ? attendeeSessionEnd(now, session.eventEndsAt, this.policy) : staffSessionEnd(now, session.createdAt, this.policy),
    );
    if (expiresAt <= now) {
      await this.sessions.end(sessionId);
      throw sessionEnded();
    }
    if (!(await this.sessions.extend(sessionId, expiresAt))) throw sessionEnded();
    return this.issue(sessionId, actor, now, expiresAt);
  }

  /**
   * Whether a session is still live, for work that outlives the request that was checked (an open
   * subscription): callers asking in the same turn of the event loop share one statement.
   */
  isSessionLive(sessionId: string): Promise<boolean> {
    return this.liveSessions.load(sessionId);
  }

  /** Ends the caller's session: its tokens are refused from now on, in every API process. */
  async signOut(sessionId: string): Promise<boolean> {
    await this.sessions.end(sessionId);
    return true;
  }

  /** Ends every session of the caller (all devices, this one included); returns how many were live. */
  async signOutEverywhere(actor: Actor): Promise<number> {
    return this.sessions.endAll(actor.kind === 'attendee' ? { kind: 'attendee', attendeeId: actor.attendeeId } : { kind: 'account', accountId: actor.accountId });
  }

  private async issue(sessionId: string, actor: Actor, now: Date, expiresAt: Date): Promise<IssuedSession> {
    const claims: TokenClaims & { exp: number } =
      actor.kind === 'attendee'
        ? { sub: actor.attendeeId, kind: 'attendee', evt: actor.eventId, sid: sessionId, exp: expiresAt.getTime() / 1000 }
        : { sub: actor.accountId, kind: 'account', sid: sessionId, exp: expiresAt.getTime() / 1000 };
    // A token id of its own: two tokens issued in the same second with the same claims would
    // otherwise be the same string, and a refresh would look like no refresh to its client.
    const token = await this.jwt.signAsync(claims, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, jwtid: randomUUID() });
    return { token, sessionId, expiresAt, refreshAfter: refreshAfter(now, expiresAt), actor };
  }

  /** A new one-time code for an attendee; earlier unused codes stop working. */
  async issueAttendeeCode(actor: Actor, attendeeId: string): Promise<AccessCodeGrant & { attendee: AttendeeEntity }> {
    const attendee = await this.attendees.findById(attendeeId);
    if (!attendee) throw notFound('Attendee');
    assertCanManageAttendee(actor, attendee);
    const grant = await this.dataSource.transaction((manager) =>
      this.issueCode(manager, { attendeeId: attendee.id, accountId: null, eventId: attendee.eventId }),
    );
    return { ...grant, attendee };
  }

  /**
   * New codes for several attendees in one transaction (all or none), in the order asked, each
   * once. Every attendee must exist and belong to an event the actor manages.
   */
  async issueAttendeeCodes(actor: Actor, attendeeIds: readonly string[]): Promise<(AccessCodeGrant & { attendee: AttendeeEntity })[]> {
    const ids = [...new Set(attendeeIds)];
    const attendees = await this.attendees.findByIds(ids);
    if (attendees.length !== ids.length) throw notFound('Attendee');
    for (const attendee of attendees) assertCanManageAttendee(actor, attendee);
    const byId = new Map(attendees.map((attendee) => [attendee.id, attendee]));
    return this.dataSource.transaction(async (manager) => {
      const grants: (AccessCodeGrant & { attendee: AttendeeEntity })[] = [];
      for (const id of ids) {
        const attendee = byId.get(id)!;
        grants.push({ ...(await this.issueCode(manager, { attendeeId: attendee.id, accountId: null, eventId: attendee.eventId })), attendee });
      }
      return grants;
    });
  }

  /** Used by the accounts service when an admin names an organiser. */
  async issueCode(manager: EntityManager, subject: AccessCodeSubject): Promise<AccessCodeGrant> {
    const now = new Date();
    await this.accessCodes.revokeUnused(subject, now, manager);
    const code = generateAccessCode();
    const hours = this.config.get('auth', { infer: true }).accessCodeTtlHours;
    const expiresAt = new Date(now.getTime() + hours * 3600 * 1000);
    await this.accessCodes.insert(subject, hashAccessCode(code), expiresAt, manager);
    return { code, expiresAt };
  }

  private async checkPassword(email: string, password: string): Promise<SessionSubject> {
    const account = await this.accounts.findByEmail(email);
    // Hash even for unknown emails, so the answer time does not tell which emails have accounts.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account?.passwordHash || !valid) {
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    return { kind: 'account', accountId: account.id };
  }

  /**
   * Redeems the code (once, whatever devices race: see AccessCodesRepository.redeem). A code that
   * is real and issued to this email, but used, replaced or expired, is refused saying so; to anyone
   * else (another email, a code never issued) the answer is the usual one, so it tells nothing
   * about other people's codes or accounts.
   */
  private async redeemAccessCode(email: string, code: string): Promise<SessionSubject> {
    const row = await this.accessCodes.redeem(hashAccessCode(code), email);
    if (!row) throw unauthenticated(INVALID_CREDENTIALS);
    if (row.attendeeId) return { kind: 'attendee', attendeeId: row.attendeeId };
    if (row.accountId) return { kind: 'account', accountId: row.accountId };
    if (row.revoked && !row.used) throw authError(AuthErrorReason.ACCESS_CODE_REPLACED, 'A newer code was issued after this one — use the latest code you were given');
    if (row.expired && !row.used) throw authError(AuthErrorReason.ACCESS_CODE_EXPIRED, 'This code has expired — ask for a new one');
    // Used before, or by another device a moment ago.
    throw authError(AuthErrorReason.ACCESS_CODE_USED, 'This code was already used — ask for a new one');
  }
}

/** JWT expiries are whole seconds: the expiry announced is the token's to the millisecond. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
