import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, SsoRefusalRow, VendorScope } from '@tcma/persistence';

/** How long refusals are kept (housekeeping removes older ones). */
export const SSO_REFUSAL_RETENTION_DAYS = 30;
/** The most refusals one listing shows. */
export const SSO_REFUSALS_SHOWN = 50;

/** Sign-ins connections refused: recorded as they happen, read by the vendor's admins. */
@Injectable()
export class SsoRefusalsRepository {
  constructor(private readonly db: Database) {}

  /** Records a refusal of a known connection (one statement: its vendor read from it); an unknown id records nothing. */
  async recordForSystem(connectionId: string, reason: string, detail: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(connectionId)) return;
    await this.db
      .insertInto('ssoRefusals')
      .columns(['vendorId', 'connectionId', 'reason', 'detail'])
      .expression((eb) =>
        eb
          .selectFrom('ssoConnections')
          .select([
            'vendorId',
            'id',
            sql<string>`${reason}::text`.as('reason'),
            sql<string>`${detail.slice(0, 500)}::text`.as('detail'),
          ])
          .where('id', '=', connectionId),
      )
      .execute();
  }

  recent(scope: VendorScope, connectionId: string, limit: number): Promise<SsoRefusalRow[]> {
    return this.db
      .selectFrom('ssoRefusals')
      .selectAll()
      .where('vendorId', '=', scope.vendorId)
      .where('connectionId', '=', connectionId)
      .orderBy('createdAt', 'desc')
      .limit(limit)
      .execute();
  }
}
