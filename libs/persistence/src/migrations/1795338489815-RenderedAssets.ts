import { MigrationInterface, QueryRunner } from 'typeorm';

export class RenderedAssets1795338489815 implements MigrationInterface {
  name = 'RenderedAssets1795338489815';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rendered_assets" ("render_key" text NOT NULL, "blob_key" text NOT NULL, "content_type" text NOT NULL, "byte_size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "rendered_assets_pkey" PRIMARY KEY ("render_key"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rendered_assets"`);
  }
}
