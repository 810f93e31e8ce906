import { Injectable } from '@nestjs/common';
import { Database, SendStatus, unnest } from '@tcma/persistence';
import { sql } from 'kysely';

/** Where the sweep's walk over the store stopped, kept between runs (and processes). */
const WALK_CURSOR = 'storage_gc_cursor';
/** Statuses of sends whose email left for the recipient with the partner's logo linked in it. */
const MAILED: SendStatus[] = ['handed', 'sent', 'uncertain', 'bounced'];

/**
 * What still refers to stored files, for the stored-files sweep: renders, vendors' uploads,
 * prospect imports, brand kits and the logos emails were sent with. A system job: it reads
 * every tenant's rows, and removes only rows nothing can ask for again.
 */
@Injectable()
export class FileReferencesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Renders made before `before` that no request can ask for again (removed; their blob keys
   * returned): the partner's brand kit has moved on to a later revision since before
   * `before`, the partner or the campaign version is gone, or the render predates the record
   * of what it was made of (it is made again if asked).
   */
  async removeUnwantedRendersForSystem(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .deleteFrom('renderedAssets')
      .where('renderKey', 'in', (eb) =>
        eb
          .selectFrom('renderedAssets as r')
          .leftJoin('partners as p', 'p.id', 'r.partnerId')
          .leftJoin('brandKits as k', 'k.partnerId', 'r.partnerId')
          .leftJoin('campaignVersions as v', 'v.id', 'r.campaignVersionId')
          .select('r.renderKey')
          .where('r.createdAt', '<', before)
          .where((w) =>
            w.or([
              w('r.partnerId', 'is', null),
              w('p.id', 'is', null),
              w('v.id', 'is', null),
              w.and([
                w('k.partnerId', 'is not', null),
                w('r.brandRevision', '<', w.ref('k.revision')),
                w('k.updatedAt', '<', before),
              ]),
            ]),
          )
          .limit(limit),
      )
      .returning('blobKey')
      .execute();
    return rows.map((r) => r.blobKey);
  }

  async vendorIdsForSystem(): Promise<string[]> {
    return (await this.db.selectFrom('vendors').select('id').orderBy('id').execute()).map((v) => v.id);
  }

  /**
   * A vendor's uploads made before `before` that none of its campaigns (drafts or published
   * versions) refers to any longer: removed, their keys returned.
   */
  async removeUnreferencedUploadsForSystem(vendorId: string, before: Date): Promise<string[]> {
    const rows = await this.db
      .with('refs', (db) =>
        db
          .selectFrom('campaigns as c')
          .select(sql<string>`jsonb_path_query(c.draft, 'lax $.assets[*].*.key') #>> '{}'`.as('key'))
          .where('c.vendorId', '=', vendorId)
          .where('c.draft', 'is not', null)
          .union((u) =>
            u
              .selectFrom('campaignVersions as v')
              .innerJoin('campaigns as c', 'c.id', 'v.campaignId')
              .select(sql<string>`jsonb_path_query(v.content, 'lax $.assets[*].*.key') #>> '{}'`.as('key'))
              .where('c.vendorId', '=', vendorId),
          ),
      )
      .deleteFrom('storedFiles as f')
      .where('f.vendorId', '=', vendorId)
      .where('f.createdAt', '<', before)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('refs').select('refs.key').whereRef('refs.key', '=', 'f.key'))))
      .returning('f.key')
      .execute();
    return rows.map((r) => r.key);
  }

  /**
   * Works out, once per logo replaced before `before`, when the last email linking to it went
   * out: sends of its partner claimed while it was the kit's logo. Returns how many it settled.
   */
  async settleReplacedLogosForSystem(before: Date, limit: number): Promise<number> {
    const result = await this.db
      .updateTable('brandKitLogos as h')
      .set((eb) => ({
        sendsCheckedAt: sql<Date>`now()`,
        lastSentAt: eb
          .selectFrom('sends as s')
          .innerJoin('launches as l', 'l.id', 's.launchId')
          .select((s) => s.fn.max('s.claimedAt').as('at'))
          .whereRef('l.partnerId', '=', 'h.partnerId')
          .whereRef('s.claimedAt', '>=', 'h.setAt')
          .whereRef('s.claimedAt', '<=', 'h.replacedAt')
          .where('s.status', 'in', MAILED),
      }))
      .where('h.id', 'in', (eb) =>
        eb
          .selectFrom('brandKitLogos')
          .select('id')
          .where('replacedAt', '<', before)
          .where('sendsCheckedAt', 'is', null)
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Which of these blob keys something still refers to: an upload, a render, a prospect
   * import's report or its file (until `before` after the import finished), a brand kit's
   * logo, a vendor brand's logo or favicon, or a logo replaced after `before`, not yet settled, or linked from emails whose
   * events are kept (sent since `eventsKeptSince`; null: all are kept).
   */
  async referencedForSystem(keys: string[], before: Date, eventsKeptSince: Date | null): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await this.db
      .selectFrom(unnest<{ key: string }, 'b'>('b', { key: { type: 'text', values: keys } }))
      .select('b.key')
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('storedFiles as f').select('f.id').whereRef('f.key', '=', 'b.key')),
          eb.exists(eb.selectFrom('renderedAssets as r').select('r.renderKey').whereRef('r.blobKey', '=', 'b.key')),
          eb.exists(eb.selectFrom('prospectImports as i').select('i.id').whereRef('i.reportKey', '=', 'b.key')),
          eb.exists(
            eb
              .selectFrom('prospectImports as i')
              .select('i.id')
              .whereRef('i.fileKey', '=', 'b.key')
              .where((w) => w.or([w('i.finishedAt', 'is', null), w('i.finishedAt', '>=', before)])),
          ),
          eb.exists(
            eb
              .selectFrom('brandKits as k')
              .select('k.partnerId')
              .where((w) =>
                w.or([w(sql`k.logo->>'pngKey'`, '=', w.ref('b.key')), w(sql`k.logo->>'webpKey'`, '=', w.ref('b.key'))]),
              ),
          ),
          // A vendor's brand: its logo and favicon as they are now (a replaced one goes after the grace period).
          eb.exists(
            eb
              .selectFrom('vendorBrands as vb')
              .select('vb.vendorId')
              .where((w) =>
                w.or(
                  ['logo', 'favicon'].flatMap((image) => [
                    w(sql`vb.${sql.ref(image)}->>'pngKey'`, '=', w.ref('b.key')),
                    w(sql`vb.${sql.ref(image)}->>'webpKey'`, '=', w.ref('b.key')),
                  ]),
                ),
              ),
          ),
          eb.exists(
            eb
              .selectFrom('brandKitLogos as h')
              .select('h.id')
              .where((w) => w.or([w('h.pngKey', '=', w.ref('b.key')), w('h.webpKey', '=', w.ref('b.key'))]))
              .where((w) =>
                w.or([
                  w('h.replacedAt', 'is', null),
                  w('h.replacedAt', '>=', before),
                  w('h.sendsCheckedAt', 'is', null),
                  ...(eventsKeptSince
                    ? [w('h.lastSentAt', '>=', eventsKeptSince)]
                    : [w('h.lastSentAt', 'is not', null)]),
                ]),
              ),
          ),
        ]),
      )
      .execute();
    return new Set(rows.map((r) => r.key));
  }

  async walkCursorForSystem(): Promise<string | null> {
    const row = await this.db
      .selectFrom('instanceSettings')
      .select('value')
      .where('key', '=', WALK_CURSOR)
      .executeTakeFirst();
    return row?.value || null;
  }

  async saveWalkCursorForSystem(after: string | null): Promise<void> {
    await this.db
      .insertInto('instanceSettings')
      .values({ key: WALK_CURSOR, value: after ?? '' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: after ?? '' }))
      .execute();
  }
}
