import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's own single sign-on (issue 26): connections may belong to one partner, and vendors
 * and partners prove the email domains that select their connections at sign-in. A connection's
 * name is unique per owner (NULLS NOT DISTINCT: the vendor's own connections are one owner); a
 * verified email domain is one owner's only within a vendor.
 */
export class PartnerSso1796850000000 implements MigrationInterface {
  name = 'PartnerSso1796850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."sso_connections_vendor_id_name_key"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD "partner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sso_connections_owner_name_key" ON "sso_connections" ("vendor_id", "partner_id", "name") NULLS NOT DISTINCT`);
    await queryRunner.query(`CREATE TABLE "email_domains" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid, "domain" text NOT NULL, "verification_token" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "checked_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "email_domains_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "email_domains" ADD CONSTRAINT "email_domains_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "email_domains" ADD CONSTRAINT "email_domains_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE UNIQUE INDEX "email_domains_owner_domain_key" ON "email_domains" ("vendor_id", "partner_id", "domain") NULLS NOT DISTINCT`);
    await queryRunner.query(`CREATE UNIQUE INDEX "email_domains_verified_domain_key" ON "email_domains" ("vendor_id", "domain") WHERE "status" = 'verified'`);
    // Sign-in looks a verified domain up across vendors (the generic host knows no vendor).
    await queryRunner.query(`CREATE INDEX "email_domains_domain_idx" ON "email_domains" ("domain") WHERE "status" = 'verified'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_domains"`);
    await queryRunner.query(`DROP INDEX "public"."sso_connections_owner_name_key"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP CONSTRAINT "sso_connections_partner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP COLUMN "partner_id"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sso_connections_vendor_id_name_key" ON "sso_connections" ("vendor_id", "name")`);
  }
}
