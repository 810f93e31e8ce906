import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vendor's OpenID Connect identity providers, signing in its users or its partners' users, and
 * whether a password still signs them in, and the token its provider provisions users with over
 * SCIM (issue 26).
 */
export class SsoConnections1796500000000 implements MigrationInterface {
  name = 'SsoConnections1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sso_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "name" text NOT NULL, "audience" text NOT NULL, "issuer" text NOT NULL, "client_id" text NOT NULL, "client_secret_sealed" text NOT NULL, "partner_claim" text, "role_claim" text, "default_role" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sso_connections_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sso_connections_vendor_id_name_key" ON "sso_connections" ("vendor_id", "name") `,
    );
    await queryRunner.query(
      `ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "vendors" ADD "sso_required_vendor_users" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "vendors" ADD "sso_required_partner_users" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "vendors" ADD "scim_token_hash" bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendors" DROP COLUMN "scim_token_hash"`);
    await queryRunner.query(`ALTER TABLE "vendors" DROP COLUMN "sso_required_partner_users"`);
    await queryRunner.query(`ALTER TABLE "vendors" DROP COLUMN "sso_required_vendor_users"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP CONSTRAINT "sso_connections_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."sso_connections_vendor_id_name_key"`);
    await queryRunner.query(`DROP TABLE "sso_connections"`);
  }
}
