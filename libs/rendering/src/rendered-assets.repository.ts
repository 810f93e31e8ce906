import { Injectable } from '@nestjs/common';
import { Database, NewRenderedAsset, RenderedAssetRow } from '@tcma/persistence';

/**
 * Renders by their render key. Not tenant data of its own: a key is derived from the
 * version, asset and partner the API already checked access to (see render-key.ts).
 */
@Injectable()
export class RenderedAssetsRepository {
  constructor(private readonly db: Database) {}

  async find(renderKey: string): Promise<RenderedAssetRow | null> {
    return (
      (await this.db.selectFrom('renderedAssets').selectAll().where('renderKey', '=', renderKey).executeTakeFirst()) ??
      null
    );
  }

  /** Which of these keys have a stored render. */
  async storedKeys(renderKeys: string[]): Promise<Set<string>> {
    if (!renderKeys.length) return new Set();
    const rows = await this.db
      .selectFrom('renderedAssets')
      .select('renderKey')
      .where('renderKey', '=', (eb) => eb.fn.any(eb.val(renderKeys)))
      .execute();
    return new Set(rows.map((r) => r.renderKey));
  }

  /** The first render of a key is the one kept; what it was made of tells the stored-files sweep when it is no longer wanted. */
  async record(
    entry: Pick<
      NewRenderedAsset,
      'renderKey' | 'blobKey' | 'contentType' | 'byteSize' | 'partnerId' | 'campaignVersionId' | 'brandRevision'
    >,
  ): Promise<void> {
    await this.db
      .insertInto('renderedAssets')
      .values(entry)
      .onConflict((oc) => oc.column('renderKey').doNothing())
      .execute();
  }
}
