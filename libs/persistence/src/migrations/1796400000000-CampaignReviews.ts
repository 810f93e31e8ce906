import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27, approvals: a vendor may require that campaigns are published only through an
 * approver's review (vendors.publish_approval); each review names the draft revision it is for
 * (approving publishes exactly that one), at most one pending per campaign, and its audit trail
 * (requested, commented, approved, changes requested, voided) with who, when and which revision.
 */
export class CampaignReviews1796400000000 implements MigrationInterface {
  name = 'CampaignReviews1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendors" ADD "publish_approval" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE TABLE "campaign_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "draft_revision" integer NOT NULL, "status" text NOT NULL DEFAULT 'pending', "language_choices" jsonb, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "published_version" integer, CONSTRAINT "campaign_reviews_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "campaign_reviews_vendor_id_status_idx" ON "campaign_reviews" ("vendor_id", "status") `);
    await queryRunner.query(`CREATE INDEX "campaign_reviews_campaign_id_requested_at_idx" ON "campaign_reviews" ("campaign_id", "requested_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_reviews_one_pending_key" ON "campaign_reviews" ("campaign_id") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "campaign_reviews_requested_by_idx" ON "campaign_reviews" ("requested_by") `);
    await queryRunner.query(`CREATE INDEX "campaign_reviews_decided_by_idx" ON "campaign_reviews" ("decided_by") `);
    await queryRunner.query(
      `CREATE TABLE "campaign_review_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "review_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "kind" text NOT NULL, "actor_id" uuid, "draft_revision" integer NOT NULL, "asset_id" text, "body" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "campaign_review_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "campaign_review_events_review_id_at_idx" ON "campaign_review_events" ("review_id", "at") `);
    await queryRunner.query(`CREATE INDEX "campaign_review_events_vendor_id_idx" ON "campaign_review_events" ("vendor_id") `);
    await queryRunner.query(`CREATE INDEX "campaign_review_events_actor_id_idx" ON "campaign_review_events" ("actor_id") `);
    for (const [table, column, target, onDelete] of [
      ['campaign_reviews', 'vendor_id', 'vendors', 'CASCADE'],
      ['campaign_reviews', 'campaign_id', 'campaigns', 'CASCADE'],
      ['campaign_reviews', 'requested_by', 'users', 'SET NULL'],
      ['campaign_reviews', 'decided_by', 'users', 'SET NULL'],
      ['campaign_review_events', 'review_id', 'campaign_reviews', 'CASCADE'],
      ['campaign_review_events', 'vendor_id', 'vendors', 'CASCADE'],
      ['campaign_review_events', 'actor_id', 'users', 'SET NULL'],
    ])
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_review_events"`);
    await queryRunner.query(`DROP TABLE "campaign_reviews"`);
    await queryRunner.query(`ALTER TABLE "vendors" DROP COLUMN "publish_approval"`);
  }
}
