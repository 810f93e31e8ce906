import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Landing pages are kept rendered in each API process. Every row a page is made from
 * (the partner, its brand kit, the campaign and its versions) announces its changes on the
 * `tcma_page_changes` channel when its transaction commits, whoever made them, so each
 * process drops the pages concerned at once (issue 24). The payload names the partner
 * (`partner:<id>`) or the campaign (`campaign:<id>`).
 */
export class LandingPageChangeNotices1795750000000 implements MigrationInterface {
  name = 'LandingPageChangeNotices1795750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // TG_ARGV[0] is the payload's kind, TG_ARGV[1] the column holding its id.
    await queryRunner.query(`CREATE FUNCTION "tcma_notify_page_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE row jsonb;
BEGIN
  row := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  PERFORM pg_notify('tcma_page_changes', TG_ARGV[0] || ':' || (row ->> TG_ARGV[1]));
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> TG_ARGV[1]) IS DISTINCT FROM (row ->> TG_ARGV[1]) THEN
    PERFORM pg_notify('tcma_page_changes', TG_ARGV[0] || ':' || (to_jsonb(OLD) ->> TG_ARGV[1]));
  END IF;
  RETURN NULL;
END $$`);
    for (const [table, kind, column, updateOf] of PAGE_SOURCES) {
      const update = updateOf ? `UPDATE OF ${updateOf.map((c) => `"${c}"`).join(', ')}` : 'UPDATE';
      await queryRunner.query(`CREATE TRIGGER "${table}_page_change" AFTER INSERT OR ${update} OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION tcma_notify_page_change('${kind}', '${column}')`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of PAGE_SOURCES) await queryRunner.query(`DROP TRIGGER "${table}_page_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "tcma_notify_page_change"()`);
  }
}

// Table, payload kind, id column, and for campaigns the only columns a page reads (its draft,
// saved at every edit in the console, is not one of them).
const PAGE_SOURCES: Array<[string, string, string, string[]?]> = [
  ['partners', 'partner', 'id'],
  ['brand_kits', 'partner', 'partner_id'],
  ['campaigns', 'campaign', 'id', ['vendor_id', 'slug', 'latest_version', 'archived_at']],
  ['campaign_versions', 'campaign', 'campaign_id'],
];
