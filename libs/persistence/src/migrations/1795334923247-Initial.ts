import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795334923247 implements MigrationInterface {
  name = 'Initial1795334923247';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "vendors_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "vendors_slug_key" ON "vendors"  ("slug") `);
    await queryRunner.query(`CREATE TABLE "partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "company_name" text NOT NULL, "tier" text NOT NULL, "region" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "timezone" text NOT NULL DEFAULT 'UTC', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partners_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "partners_vendor_id_company_name_key" ON "partners"  ("vendor_id", "company_name") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid, "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "users_partner_id_idx" ON "users"  ("partner_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_vendor_id_email_key" ON "users"  ("vendor_id", "email") `);
    await queryRunner.query(`CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" bytea NOT NULL, "prefix" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "name" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "draft" jsonb, "draft_revision" integer NOT NULL DEFAULT '0', "latest_version" integer, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "campaigns_vendor_id_idx" ON "campaigns"  ("vendor_id") `);
    await queryRunner.query(`CREATE TABLE "campaign_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "tiers" text array NOT NULL DEFAULT '{}', "regions" text array NOT NULL DEFAULT '{}', "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaign_versions_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_versions_campaign_id_version_key" ON "campaign_versions"  ("campaign_id", "version") `);
    await queryRunner.query(`CREATE TABLE "instance_settings" ("key" text NOT NULL, "value" text NOT NULL, CONSTRAINT "instance_settings_pkey" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "stored_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "key" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "stored_files_vendor_id_key_key" ON "stored_files"  ("vendor_id", "key") `);
    await queryRunner.query(`ALTER TABLE "partners" ADD CONSTRAINT "partners_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_versions" ADD CONSTRAINT "campaign_versions_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stored_files" DROP CONSTRAINT "stored_files_vendor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaign_versions" DROP CONSTRAINT "campaign_versions_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_vendor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_partner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_vendor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "partners" DROP CONSTRAINT "partners_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."stored_files_vendor_id_key_key"`);
    await queryRunner.query(`DROP TABLE "stored_files"`);
    await queryRunner.query(`DROP TABLE "instance_settings"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_versions_campaign_id_version_key"`);
    await queryRunner.query(`DROP TABLE "campaign_versions"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_vendor_id_idx"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."api_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."api_tokens_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."users_vendor_id_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."users_partner_id_idx"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."partners_vendor_id_company_name_key"`);
    await queryRunner.query(`DROP TABLE "partners"`);
    await queryRunner.query(`DROP INDEX "public"."vendors_slug_key"`);
    await queryRunner.query(`DROP TABLE "vendors"`);
  }
}
