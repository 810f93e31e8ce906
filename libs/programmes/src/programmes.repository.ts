import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, Found, PageWindow, TenantScope, VendorScope, vendorOwned } from '@tcma/persistence';

export interface ProgrammeRecord {
  id: string;
  vendorId: string;
  name: string;
  description: string;
  tag: string | null;
  campaignIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgrammeInput {
  name: string;
  description: string;
  tag: string | null;
}

/** A vendor's programmes and their explicit campaigns. */
@Injectable()
export class ProgrammesRepository {
  constructor(private readonly db: Database) {}

  /** Creates the programme with its campaigns; campaigns of other vendors are ignored (the service checks them first). */
  async create(scope: VendorScope, input: ProgrammeInput, campaignIds: string[]): Promise<string> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('programmes')
        .values({ ...input, vendorId: scope.vendorId })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (campaignIds.length) {
        await tx
          .insertInto('programmeCampaigns')
          .columns(['programmeId', 'campaignId'])
          .expression((eb) =>
            eb
              .selectFrom('campaigns')
              .select([eb.val(row.id).as('programmeId'), 'campaigns.id as campaignId'])
              .where('campaigns.id', 'in', campaignIds)
              .where((w) => vendorOwned(w, scope, 'campaigns')),
          )
          .execute();
      }
      return row.id;
    });
  }

  /** Changes the programme; `campaignIds`, when given, replaces its campaigns. False when it is not the scope's. */
  async update(
    scope: VendorScope,
    id: string,
    changes: Partial<ProgrammeInput>,
    campaignIds?: string[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('programmes')
        .set({ ...changes, updatedAt: new Date() })
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'programmes'))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      if (campaignIds) {
        await tx.deleteFrom('programmeCampaigns').where('programmeId', '=', id).execute();
        if (campaignIds.length) {
          await tx
            .insertInto('programmeCampaigns')
            .columns(['programmeId', 'campaignId'])
            .expression((eb) =>
              eb
                .selectFrom('campaigns')
                .select([eb.val(id).as('programmeId'), 'campaigns.id as campaignId'])
                .where('campaigns.id', 'in', campaignIds)
                .where((w) => vendorOwned(w, scope, 'campaigns')),
            )
            .execute();
        }
      }
      return true;
    });
  }

  async delete(scope: VendorScope, id: string): Promise<boolean> {
    const deleted = await this.db
      .deleteFrom('programmes')
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'programmes'))
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  }

  async find(scope: TenantScope, id: string): Promise<ProgrammeRecord | null> {
    return (await this.select(scope).where('p.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** The scope's vendor's programmes (partners see every programme of their vendor), by name. */
  async list(scope: TenantScope, window: PageWindow): Promise<Found<ProgrammeRecord>> {
    const [items, count] = await Promise.all([
      this.select(scope).orderBy('p.name').orderBy('p.id').limit(window.limit).offset(window.offset).execute(),
      this.db
        .selectFrom('programmes as p')
        .where((eb) => vendorOwned(eb, scope, 'p'))
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Which of these campaign ids are the scope's vendor's. */
  async ownCampaigns(scope: VendorScope, campaignIds: string[]): Promise<Set<string>> {
    if (!campaignIds.length) return new Set();
    const rows = await this.db
      .selectFrom('campaigns')
      .select('id')
      .where('id', 'in', campaignIds)
      .where((eb) => vendorOwned(eb, scope, 'campaigns'))
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  private select(scope: TenantScope) {
    return this.db
      .selectFrom('programmes as p')
      .where((eb) => vendorOwned(eb, scope, 'p'))
      .select(['p.id', 'p.vendorId', 'p.name', 'p.description', 'p.tag', 'p.createdAt', 'p.updatedAt'])
      .select((eb) =>
        eb
          .selectFrom('programmeCampaigns as pc')
          .select(sql<string[]>`coalesce(array_agg(pc.campaign_id ORDER BY pc.campaign_id), '{}')`.as('ids'))
          .whereRef('pc.programmeId', '=', 'p.id')
          .$asScalar()
          .$notNull()
          .as('campaignIds'),
      );
  }
}
