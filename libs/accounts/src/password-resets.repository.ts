import { Injectable } from '@nestjs/common';
import { Database, executorOf, Tx } from '@tcma/persistence';

@Injectable()
export class PasswordResetsRepository {
  constructor(private readonly db: Database) {}

  async createForSystem(userId: string, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await this.db.insertInto('passwordResets').values({ userId, tokenHash, expiresAt, usedAt: null }).execute();
  }

  /** Whether a link with this token exists at all (used, expired or not): for the message a refused link gets. */
  async stateForSystem(tokenHash: Buffer): Promise<{ usedAt: Date | null; expiresAt: Date } | null> {
    return (
      (await this.db
        .selectFrom('passwordResets')
        .select(['usedAt', 'expiresAt'])
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * Uses the link, if it still may be: the one statement that decides, so a link works once.
   * Every other pending link of the user is used up with it. Null: used or expired.
   */
  async useForSystem(tokenHash: Buffer, now: Date, tx: Tx): Promise<{ userId: string } | null> {
    const db = executorOf(this.db, tx);
    const used = await db
      .updateTable('passwordResets')
      .set({ usedAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning('userId')
      .executeTakeFirst();
    if (!used) return null;
    await db
      .updateTable('passwordResets')
      .set({ usedAt: now })
      .where('userId', '=', used.userId)
      .where('usedAt', 'is', null)
      .execute();
    return used;
  }
}
