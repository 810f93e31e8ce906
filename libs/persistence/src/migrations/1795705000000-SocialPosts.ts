import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Social posts (issue 16): a partner's scheduled post of a campaign's social asset, and the ledger
 * of its publications, one row per (post, network, partner), unique by constraint.
 */
export class SocialPosts1795705000000 implements MigrationInterface {
  name = 'SocialPosts1795705000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "social_posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "campaign_version_id" uuid NOT NULL, "version" integer NOT NULL, "asset_id" text NOT NULL, "copy" jsonb NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "created_by" uuid, "source" text NOT NULL, "pending_launch_id" uuid, "launch_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "social_posts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "social_posts_partner_id_due_at_idx" ON "social_posts" ("partner_id", "due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "social_posts_pending_launch_id_key" ON "social_posts" ("pending_launch_id") `);
    await queryRunner.query(
      `CREATE TABLE "social_post_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "network" text NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "queued_at" TIMESTAMP WITH TIME ZONE, "claimed_by" text, "claimed_at" TIMESTAMP WITH TIME ZONE, "remote_id" text, "url" text, "last_error" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "social_post_deliveries_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "social_post_deliveries_post_id_network_partner_id_key" ON "social_post_deliveries" ("post_id", "network", "partner_id") `);
    await queryRunner.query(`CREATE INDEX "social_post_deliveries_status_next_attempt_at_idx" ON "social_post_deliveries" ("status", "next_attempt_at") `);
    const fk = (table: string, column: string, target: string) =>
      queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await fk('social_posts', 'partner_id', 'partners');
    await fk('social_posts', 'campaign_id', 'campaigns');
    await fk('social_posts', 'campaign_version_id', 'campaign_versions');
    await fk('social_post_deliveries', 'post_id', 'social_posts');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "social_post_deliveries"`);
    await queryRunner.query(`DROP TABLE "social_posts"`);
  }
}
