import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Click tracking of social posts (issue 16): each link of a post's copy is a short tracked
 * link (its code and its one target), and each fetch of one is a click, judged as written.
 */
export class SocialPostClicks1795732000000 implements MigrationInterface {
  name = 'SocialPostClicks1795732000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "social_post_links" ("id" text NOT NULL, "post_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "network" text NOT NULL, "link_index" integer NOT NULL, "target" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "social_post_links_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "social_post_links_post_id_network_link_index_key" ON "social_post_links" ("post_id", "network", "link_index") `);
    await queryRunner.query(
      `CREATE TABLE "social_post_clicks" ("id" BIGSERIAL NOT NULL, "link_id" text NOT NULL, "post_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "network" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_agent" text, "method" text, "machine" text, CONSTRAINT "social_post_clicks_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "social_post_clicks_post_id_network_idx" ON "social_post_clicks" ("post_id", "network") `);
    await queryRunner.query(`ALTER TABLE "social_post_links" ADD CONSTRAINT "social_post_links_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "social_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_post_clicks" ADD CONSTRAINT "social_post_clicks_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "social_post_links"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_post_clicks" ADD CONSTRAINT "social_post_clicks_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "social_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "social_post_clicks"`);
    await queryRunner.query(`DROP TABLE "social_post_links"`);
  }
}
