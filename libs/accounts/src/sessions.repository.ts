import { Injectable } from '@nestjs/common';
import { Database, executorOf, Role, SessionRow, Tx } from '@tcma/persistence';

/** How often last_seen_at is refreshed: a write per request would cost more than it tells. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface SessionActorRow {
  sessionId: string;
  userId: string;
  vendorId: string;
  partnerId: string | null;
  role: Role;
  lastSeenAt: Date;
  expiresAt: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  /** A new session of a user just signed in (found by email before any tenant is known, like the rest of sign-in). */
  createForSystem(
    input: Pick<SessionRow, 'userId' | 'secretHash' | 'lastSeenAt' | 'expiresAt' | 'userAgent' | 'ipAddress'>,
  ): Promise<SessionRow> {
    return this.db
      .insertInto('sessions')
      .values({ ...input, revokedAt: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * The signed-in user behind a session secret, or null when the session is unknown, signed
   * out, past its absolute expiry, idle since `idleSince`, or its user is disabled or its
   * partner suspended. Runs before any tenant is known.
   */
  async findActorForSystem(secretHash: Buffer, now: Date, idleSince: Date): Promise<SessionActorRow | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.userId')
      .leftJoin('partners as p', 'p.id', 'u.partnerId')
      .select([
        's.id as sessionId',
        'u.id as userId',
        'u.vendorId',
        'u.partnerId',
        'u.role',
        's.lastSeenAt',
        's.expiresAt',
      ])
      .where('s.secretHash', '=', secretHash)
      .where('s.revokedAt', 'is', null)
      .where('s.expiresAt', '>', now)
      .where('s.lastSeenAt', '>', idleSince)
      .where('u.disabledAt', 'is', null)
      .where((eb) => eb.or([eb('u.partnerId', 'is', null), eb('p.status', '=', 'active')]))
      .executeTakeFirst();
    return row ?? null;
  }

  async touchForSystem(sessionId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ lastSeenAt: now })
      .where('id', '=', sessionId)
      .where('lastSeenAt', '<', new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS))
      .execute();
  }

  async revokeBySecretForSystem(secretHash: Buffer, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ revokedAt: now })
      .where('secretHash', '=', secretHash)
      .where('revokedAt', 'is', null)
      .execute();
  }

  async revokeForSystem(userId: string, sessionId: string, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('sessions')
      .set({ revokedAt: now })
      .where('id', '=', sessionId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Signs the user out everywhere: every session of theirs ends. */
  async revokeAllForSystem(userId: string, now: Date, tx?: Tx): Promise<number> {
    const r = await executorOf(this.db, tx)
      .updateTable('sessions')
      .set({ revokedAt: now })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** The user's sessions still in force, newest first. */
  async activeForSystem(
    userId: string,
    now: Date,
    idleSince: Date,
    page: { limit: number; offset: number },
  ): Promise<{ items: SessionRow[]; total: number }> {
    const base = this.db
      .selectFrom('sessions')
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .where('lastSeenAt', '>', idleSince);
    const [items, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
