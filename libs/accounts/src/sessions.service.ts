import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { emailLower } from '@tcma/email-address';
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthenticatedError } from '@tcma/errors';
import { SessionRow, UserRow } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import type { Actor } from '@tcma/tenancy';
import { createHash, randomBytes } from 'node:crypto';
import { AccountsRepository } from './accounts.repository';
import { verifyPassword } from './passwords';
import { LAST_SEEN_RESOLUTION_MS, SessionsRepository } from './sessions.repository';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { passwordRefused, SSO_REQUIRED, SsoRequirement } from './sso-requirement';

/** The one answer to a failed sign-in: it never tells whether the account exists. */
export const SIGN_IN_FAILED = 'The email or password is incorrect';
export const SIGN_IN_THROTTLED = 'Too many failed sign-ins; wait a few minutes and try again';

/** Users with one email at several vendors: sign-in tries this many of them at most (each costs an argon2 verification). */
const MAX_CANDIDATES = 3;

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignInContext {
  ipAddress: string | null;
  userAgent: string | null;
  /** The secret of a session the browser already holds: it ends (a new id at every sign-in). */
  currentSecret?: string;
  /**
   * The vendor whose own host name the request came to: only its users may sign in there,
   * anyone else gets the answer of a wrong password. Null or absent: the generic host, everyone.
   */
  onlyVendorId?: string | null;
}

export interface SignedIn {
  /** Goes into the cookie, never stored. */
  secret: string;
  session: SessionRow;
  user: UserRow;
  csrfToken: string;
}

const secretHash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();
/** Session secrets are 32 random bytes, base64url. */
const looksLikeSecret = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Browser sessions: a random secret in an httpOnly cookie, its SHA-256 in the sessions table.
 * A session ends when signed out, after SESSION_IDLE_MINUTES without a request, or
 * SESSION_MAX_HOURS after sign-in. Failed sign-ins are counted per account and per address
 * (SIGN_IN_MAX_FAILURES_PER_*) in Postgres, so every API process refuses the same attempts.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async signIn(input: SignInInput, context: SignInContext): Promise<SignedIn> {
    const email = emailLower(input.email);
    const keys = [`account:${email}`, `address:${context.ipAddress ?? 'unknown'}`];
    const windowMs = this.config.signInThrottleWindowMinutes * 60_000;
    const now = this.clock.now();
    const [accountFailures, addressFailures] = await this.throttle.failures(keys, now, windowMs);
    if (
      accountFailures >= this.config.signInMaxFailuresPerAccount ||
      addressFailures >= this.config.signInMaxFailuresPerAddress
    ) {
      throw new TooManyRequestsError(SIGN_IN_THROTTLED);
    }
    const user = await this.matching(email, input.password, context.onlyVendorId ?? null);
    if (!user) {
      await this.throttle.recordFailure(keys, now, windowMs);
      throw new UnauthenticatedError(SIGN_IN_FAILED);
    }
    await this.throttle.clear(keys[0]);
    // Said only to whoever knows the password: it tells nothing a wrong password would not.
    if (passwordRefused(user, user))
      throw new ForbiddenError(SSO_REQUIRED, [{ path: 'password', message: SSO_REQUIRED, code: 'sso_required' }]);
    return this.open(user, context);
  }

  /**
   * A new session for a user another proof signed in (its identity provider, for single
   * sign-on): the same cookie, CSRF token and limits as a password's.
   */
  async open(user: UserRow, context: SignInContext): Promise<SignedIn> {
    const now = this.clock.now();
    if (context.currentSecret && looksLikeSecret(context.currentSecret))
      await this.sessions.revokeBySecretForSystem(secretHash(context.currentSecret), now);
    const secret = randomBytes(32).toString('base64url');
    const session = await this.sessions.createForSystem({
      userId: user.id,
      secretHash: secretHash(secret),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionMaxHours * 3_600_000),
      userAgent: context.userAgent?.slice(0, 300) ?? null,
      ipAddress: context.ipAddress,
    });
    this.logger.log(`User ${user.id} signed in (session ${session.id})`);
    return { secret, session, user, csrfToken: this.csrfTokenFor(session.id) };
  }

  /** The actor of a session cookie, or null when the session is not (or no longer) valid. */
  async resolve(secret: string): Promise<Actor | null> {
    if (!looksLikeSecret(secret)) return null;
    const now = this.clock.now();
    const row = await this.sessions.findActorForSystem(secretHash(secret), now, this.idleSince(now));
    if (!row) return null;
    // Awaited: idle expiry counts from it, so the next request must see it. A failure here must
    // not fail the request. Asked only when touchForSystem would write (a minute since the last):
    // a page's burst of requests costs one statement each, not two.
    if (row.lastSeenAt.getTime() < now.getTime() - LAST_SEEN_RESOLUTION_MS)
      await this.sessions
        .touchForSystem(row.sessionId, now)
        .catch((e: Error) => this.logger.warn(`last_seen_at not updated: ${e.message}`));
    return {
      userId: row.userId,
      vendorId: row.vendorId,
      partnerId: row.partnerId,
      role: row.role,
      credentialId: row.sessionId,
      sessionId: row.sessionId,
    };
  }

  /** The CSRF token of a session: derived from its id with the instance secret, so nothing more is stored. */
  csrfTokenFor(sessionId: string): string {
    return this.signer.sign('csrf', sessionId);
  }

  checkCsrf(sessionId: string, token: string | undefined): boolean {
    return typeof token === 'string' && this.signer.verify('csrf', sessionId, token);
  }

  async signOut(secret: string | undefined): Promise<void> {
    if (secret && looksLikeSecret(secret))
      await this.sessions.revokeBySecretForSystem(secretHash(secret), this.clock.now());
  }

  /** Ends every session of the actor's user, this one included. */
  async signOutEverywhere(actor: Actor): Promise<number> {
    return this.sessions.revokeAllForSystem(actor.userId, this.clock.now());
  }

  /** The actor's own sessions still in force. */
  list(actor: Actor, page: { limit: number; offset: number }): Promise<{ items: SessionRow[]; total: number }> {
    const now = this.clock.now();
    return this.sessions.activeForSystem(actor.userId, now, this.idleSince(now), page);
  }

  async revoke(actor: Actor, sessionId: string): Promise<void> {
    if (!(await this.sessions.revokeForSystem(actor.userId, sessionId, this.clock.now())))
      throw new NotFoundError('Session');
  }

  /** When a session idle since then expires. */
  idleExpiry(session: Pick<SessionRow, 'lastSeenAt' | 'expiresAt'>): Date {
    const idle = new Date(session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000);
    return idle < session.expiresAt ? idle : session.expiresAt;
  }

  private idleSince(now: Date): Date {
    return new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000);
  }

  /**
   * The user whose password this is, among the few with this email (of `onlyVendorId` alone when
   * set); null for any failure, after the same password hashing either way.
   */
  private async matching(
    email: string,
    password: string,
    onlyVendorId: string | null,
  ): Promise<(UserRow & SsoRequirement) | null> {
    const candidates = await this.accounts.activeByEmailForSystem(email, MAX_CANDIDATES, onlyVendorId);
    if (!candidates.length) {
      await verifyPassword(null, password);
      return null;
    }
    for (const user of candidates) {
      if (await verifyPassword(user.passwordHash, password)) return user;
    }
    return null;
  }
}
