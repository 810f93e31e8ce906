import { Injectable } from '@nestjs/common';
import {
  ApiTokenRow,
  Database,
  DB,
  Found,
  NewApiToken,
  ownedAtLevel,
  PageWindow,
  TenantScope,
} from '@tcma/persistence';
import { ExpressionBuilder } from 'kysely';
import type { Actor } from './actor';

/** How often last_used_at is refreshed: a write per request would cost more than it tells. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Whether a use at `now` of a token last used at `lastUsedAt` is worth recording (touchForSystem would write). */
export const tokenUseWorthRecording = (lastUsedAt: Date | null, now: Date): boolean =>
  !lastUsedAt || lastUsedAt.getTime() < now.getTime() - LAST_USED_RESOLUTION_MS;

export type NewTokenInput = Pick<NewApiToken, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'>;

/**
 * Tokens are the scope's through their users, at the scope's own level: a vendor scope holds its
 * vendor users' tokens only. A partner user's token is that partner's alone: were a vendor able to
 * mint one, it would read the partner's contacts around their privacy and act outside the
 * concierge audit log.
 */
const ofUsersInScope = (eb: ExpressionBuilder<DB, 'apiTokens'>, scope: TenantScope) =>
  eb.exists(
    eb
      .selectFrom('users as u')
      .select('u.id')
      .whereRef('u.id', '=', 'apiTokens.userId')
      .where((u) => ownedAtLevel(u, scope, 'u')),
  );

@Injectable()
export class TokensRepository {
  constructor(private readonly db: Database) {}

  /** A token for a user at the scope's level; null when the user is not one. */
  async create(scope: TenantScope, input: NewTokenInput): Promise<ApiTokenRow | null> {
    const created = await this.db
      .insertInto('apiTokens')
      .columns(['userId', 'name', 'tokenHash', 'prefix', 'expiresAt'])
      .expression((eb) =>
        eb
          .selectFrom('users as u')
          .select((u) => [
            'u.id',
            u.cast<string>(u.val(input.name), 'text').as('name'),
            u.cast<Buffer>(u.val(input.tokenHash), 'bytea').as('tokenHash'),
            u.cast<string>(u.val(input.prefix), 'text').as('prefix'),
            u.cast<Date | null>(u.val(input.expiresAt ?? null), 'timestamptz').as('expiresAt'),
          ])
          .where('u.id', '=', input.userId)
          .where((u) => ownedAtLevel(u, scope, 'u')),
      )
      .returningAll()
      .executeTakeFirst();
    return created ?? null;
  }

  /**
   * The actor behind a token hash and when the token was last used, or null when the token is
   * unknown, revoked, expired, or its user is disabled or belongs to a suspended partner. Runs
   * before any tenant is known.
   */
  async findActorForSystem(hash: Buffer, now: Date): Promise<{ actor: Actor; lastUsedAt: Date | null } | null> {
    const row = await this.db
      .selectFrom('apiTokens as t')
      .innerJoin('users as u', 'u.id', 't.userId')
      .leftJoin('partners as p', 'p.id', 'u.partnerId')
      .select(['t.id as credentialId', 'u.id as userId', 'u.vendorId', 'u.partnerId', 'u.role', 't.lastUsedAt'])
      .where('t.tokenHash', '=', hash)
      .where('t.revokedAt', 'is', null)
      .where((eb) => eb.or([eb('t.expiresAt', 'is', null), eb('t.expiresAt', '>', now)]))
      .where('u.disabledAt', 'is', null)
      .where((eb) => eb.or([eb('u.partnerId', 'is', null), eb('p.status', '=', 'active')]))
      .executeTakeFirst();
    if (!row) return null;
    const { lastUsedAt, ...actor } = row;
    return { actor, lastUsedAt };
  }

  /** Records that the token was used, at most once per LAST_USED_RESOLUTION_MS; the token was just resolved by its hash. */
  async touchForSystem(tokenId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('apiTokens')
      .set({ lastUsedAt: now })
      .where('id', '=', tokenId)
      .where((eb) =>
        eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', new Date(now.getTime() - LAST_USED_RESOLUTION_MS))]),
      )
      .execute();
  }

  /** Tokens of users of the scope, optionally of one user. */
  async list(scope: TenantScope, userId: string | undefined, window: PageWindow): Promise<Found<ApiTokenRow>> {
    const matching = this.db
      .selectFrom('apiTokens')
      .where((eb) =>
        userId ? eb.and([ofUsersInScope(eb, scope), eb('userId', '=', userId)]) : ofUsersInScope(eb, scope),
      );
    const [items, count] = await Promise.all([
      matching
        .selectAll()
        .orderBy('createdAt', 'asc')
        .orderBy('id', 'asc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  async find(scope: TenantScope, id: string): Promise<ApiTokenRow | null> {
    return (
      (await this.db
        .selectFrom('apiTokens')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => ofUsersInScope(eb, scope))
        .executeTakeFirst()) ?? null
    );
  }

  async revoke(scope: TenantScope, id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('apiTokens')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .where((eb) => ofUsersInScope(eb, scope))
      .execute();
  }
}
