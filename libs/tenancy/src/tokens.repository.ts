import { Injectable } from '@nestjs/common';
import { ApiTokenEntity, Role } from '@tcma/persistence';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Actor } from './actor';

/** How often last_used_at is refreshed: a write per request would cost more than it tells. */
const LAST_USED_RESOLUTION = '1 minute';

@Injectable()
export class TokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'>, tx?: EntityManager): Promise<ApiTokenEntity> {
    const repo = (tx ?? this.dataSource.manager).getRepository(ApiTokenEntity);
    return repo.save(repo.create({ ...input, lastUsedAt: null, revokedAt: null }));
  }

  /**
   * The actor behind a token hash, or null when the token is unknown, revoked, expired, or
   * its user is disabled or belongs to a suspended partner.
   */
  async findActor(hash: Buffer, now: Date): Promise<Actor | null> {
    const rows: Array<{ token_id: string; user_id: string; vendor_id: string; partner_id: string | null; role: Role }> =
      await this.dataSource.query(
        `SELECT t.id AS token_id, u.id AS user_id, u.vendor_id, u.partner_id, u.role
           FROM api_tokens t
           JOIN users u ON u.id = t.user_id
           LEFT JOIN partners p ON p.id = u.partner_id
          WHERE t.token_hash = $1
            AND t.revoked_at IS NULL
            AND (t.expires_at IS NULL OR t.expires_at > $2)
            AND u.disabled_at IS NULL
            AND (u.partner_id IS NULL OR p.status = 'active')`,
        [hash, now],
      );
    const row = rows[0];
    if (!row) return null;
    return { userId: row.user_id, vendorId: row.vendor_id, partnerId: row.partner_id, role: row.role, credentialId: row.token_id };
  }

  async touch(tokenId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_tokens SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '${LAST_USED_RESOLUTION}')`,
      [tokenId, now],
    );
  }

  /** Tokens of users of the vendor, optionally of one user. */
  async listInVendor(vendorId: string, userId?: string): Promise<ApiTokenEntity[]> {
    return this.dataSource
      .getRepository(ApiTokenEntity)
      .createQueryBuilder('t')
      .innerJoin('t.user', 'u')
      .where('u.vendorId = :vendorId', { vendorId })
      .andWhere(userId ? 't.userId = :userId' : 'TRUE', { userId })
      .orderBy('t.createdAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  async findInVendor(vendorId: string, id: string): Promise<ApiTokenEntity | null> {
    return this.dataSource
      .getRepository(ApiTokenEntity)
      .createQueryBuilder('t')
      .innerJoin('t.user', 'u')
      .where('u.vendorId = :vendorId', { vendorId })
      .andWhere('t.id = :id', { id })
      .getOne();
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(ApiTokenEntity).update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }
}
