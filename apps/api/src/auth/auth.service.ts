import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { EventOrganiserEntity } from '../accounts/event-organiser.entity';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { badInput, DomainError, forbidden, notFound, unauthenticated } from '../common/domain-error';
import { preparedQuery } from '../common/prepared-statement';
import type { AppConfig } from '../config/app-config';
import { AccessCodeEntity } from './access-code.entity';
import { generateAccessCode, hashAccessCode } from './access-code';
import { canManageEvent, type Actor, type TokenClaims } from './actor';
import type { AuthState } from './auth.decorators';
import { LoginAttemptEntity } from './login-attempt.entity';
import { hashPassword, verifyPassword } from './password-hasher';
import { VerifiedTokens } from './verified-tokens';

export const TOKEN_ISSUER = 'pairwise';
export const TOKEN_AUDIENCE = 'pairwise-api';

/** A valid token whose person was deleted, erased, or is not in the token's event. */
export const callerGone = () => unauthenticated('The person behind this token no longer exists');

export interface LoginCommand {
  email: string;
  password?: string;
  accessCode?: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

export interface AccessCodeGrant {
  code: string;
  expiresAt: Date;
}

const INVALID_CREDENTIALS = 'The email and password or access code do not match';
/** Failed sign-ins for one email before it is locked, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

@Injectable()
export class AuthService {
  private readonly verifiedTokens = new VerifiedTokens();

  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

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
        return { error: unauthenticated(expired ? 'Your session has expired: sign in again' : 'The token is not valid') };
      }
    }
    if (claims.kind === 'attendee') {
      if (!claims.evt) return { error: callerGone() };
      return { actor: { kind: 'attendee', attendeeId: claims.sub, eventId: claims.evt }, unconfirmed: true };
    }
    const actor = await this.actorFor(claims);
    return actor ? { actor } : { error: callerGone() };
  }

  /** Looks up the attendee of an `unconfirmed` state: still there, not erased, in the token's event. */
  async confirm(state: AuthState): Promise<AuthState> {
    if (!state.unconfirmed || state.actor?.kind !== 'attendee') return state;
    const actor = await this.actorFor({ kind: 'attendee', sub: state.actor.attendeeId, evt: state.actor.eventId });
    return actor ? { actor } : { error: callerGone() };
  }

  async login(command: LoginCommand): Promise<IssuedToken> {
    const email = command.email.trim().toLowerCase();
    if (Boolean(command.password) === Boolean(command.accessCode)) {
      throw badInput('LOGIN_NEEDS_ONE_SECRET', 'Give either a password or an access code');
    }
    await this.refuseIfLocked(email);
    let claims: TokenClaims;
    try {
      claims = command.password ? await this.checkPassword(email, command.password) : await this.redeemAccessCode(email, command.accessCode!);
    } catch (error) {
      await this.recordFailure(email);
      throw error;
    }
    await this.dataSource.getRepository(LoginAttemptEntity).delete({ email });
    const actor = await this.actorFor(claims);
    if (!actor) throw unauthenticated(INVALID_CREDENTIALS);
    const ttl = this.config.get('auth', { infer: true }).tokenTtlSeconds;
    const token = await this.jwt.signAsync({ ...claims }, { expiresIn: ttl, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000), actor };
  }

  /** A new one-time code for an attendee; earlier unused codes stop working. */
  async issueAttendeeCode(actor: Actor, attendeeId: string): Promise<AccessCodeGrant & { attendee: AttendeeEntity }> {
    const attendee = await this.dataSource.getRepository(AttendeeEntity).findOneBy({ id: attendeeId });
    if (!attendee) throw notFound('Attendee');
    if (!canManageEvent(actor, attendee.eventId)) throw forbidden('Only this event’s organisers can invite its attendees');
    const grant = await this.dataSource.transaction((manager) =>
      this.issueCode(manager, { attendeeId: attendee.id, accountId: null, eventId: attendee.eventId }),
    );
    return { ...grant, attendee };
  }

  /** Used by the accounts service when an admin names an organiser. */
  async issueCode(
    manager: EntityManager,
    subject: { eventId: string; attendeeId: string | null; accountId: string | null },
  ): Promise<AccessCodeGrant> {
    const codes = manager.getRepository(AccessCodeEntity);
    const now = new Date();
    await codes.update(
      { ...subject, attendeeId: subject.attendeeId ?? IsNull(), accountId: subject.accountId ?? IsNull(), usedAt: IsNull() },
      { usedAt: now },
    );
    const code = generateAccessCode();
    const hours = this.config.get('auth', { infer: true }).accessCodeTtlHours;
    const expiresAt = new Date(now.getTime() + hours * 3600 * 1000);
    await codes.insert({ ...subject, codeHash: hashAccessCode(code), expiresAt });
    return { code, expiresAt };
  }

  private async checkPassword(email: string, password: string): Promise<TokenClaims> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ email });
    // Hash even for unknown emails, so the answer time does not tell which emails have accounts.
    const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account?.passwordHash || !valid) {
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    return { sub: account.id, kind: 'account' };
  }

  /** Marks the code used in the same statement that checks it, so two devices cannot both redeem it. */
  private async redeemAccessCode(email: string, code: string): Promise<TokenClaims> {
    const rows: { attendee_id: string | null; account_id: string | null; event_id: string }[] = await this.dataSource.query(
      // Wrapped in a CTE so the driver hands back the rows themselves (a bare UPDATE … RETURNING comes back as [rows, count]).
      `WITH redeemed AS (
         UPDATE access_codes c SET used_at = now()
          WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now()
            AND ( EXISTS (SELECT 1 FROM attendees a WHERE a.id = c.attendee_id AND a.email = $2)
               OR EXISTS (SELECT 1 FROM accounts s WHERE s.id = c.account_id AND s.email = $2))
          RETURNING c.attendee_id, c.account_id, c.event_id)
       SELECT * FROM redeemed`,
      [hashAccessCode(code), email],
    );
    const row = rows[0];
    if (!row) throw unauthenticated(INVALID_CREDENTIALS);
    return row.attendee_id
      ? { sub: row.attendee_id, kind: 'attendee', evt: row.event_id }
      : { sub: row.account_id!, kind: 'account' };
  }

  /** After repeated failures an email is locked for a while, whatever the password or code tried. */
  private async refuseIfLocked(email: string): Promise<void> {
    const attempt = await this.dataSource.getRepository(LoginAttemptEntity).findOneBy({ email });
    if (attempt?.lockedUntil && attempt.lockedUntil > new Date()) {
      const minutes = Math.ceil((attempt.lockedUntil.getTime() - Date.now()) / 60_000);
      throw new DomainError('TOO_MANY_REQUESTS', 'SIGN_IN_LOCKED', `Too many failed sign-ins for this email: try again in ${minutes} min`);
    }
  }

  private async recordFailure(email: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_attempts (email, failures, updated_at) VALUES ($1, 1, now())
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN login_attempts.locked_until IS NOT NULL AND login_attempts.locked_until <= now() THEN 1 ELSE login_attempts.failures + 1 END,
         locked_until = CASE WHEN login_attempts.failures + 1 >= $2 AND (login_attempts.locked_until IS NULL OR login_attempts.locked_until <= now())
                             THEN now() + make_interval(mins => $3) ELSE login_attempts.locked_until END,
         updated_at = now()`,
      [email, MAX_FAILED_SIGN_INS, LOCK_MINUTES],
    );
  }

  private async actorFor(claims: TokenClaims): Promise<Actor | undefined> {
    if (claims.kind === 'attendee') {
      // Every attendee request passes here: one prepared statement (a repository findOne costs several times its CPU).
      const [attendee] = await preparedQuery<{ event_id: string; erased: boolean }>(
        this.dataSource,
        `SELECT event_id, erased_at IS NOT NULL AS erased FROM attendees WHERE id = $1`,
        [claims.sub],
      );
      if (!attendee || attendee.erased || attendee.event_id !== claims.evt) return undefined;
      return { kind: 'attendee', attendeeId: claims.sub, eventId: attendee.event_id };
    }
    if (claims.kind !== 'account') return undefined;
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: claims.sub });
    if (!account) return undefined;
    const organised = await this.dataSource.getRepository(EventOrganiserEntity).find({
      where: { accountId: account.id },
      select: { eventId: true },
    });
    return {
      kind: 'account',
      accountId: account.id,
      isAdmin: account.isAdmin,
      organiserOf: new Set(organised.map((row) => row.eventId)),
    };
  }
}
