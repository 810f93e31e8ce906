import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SAML 2.0 connections beside OpenID Connect ones (existing rows stay `oidc`), the AuthnRequests
 * awaiting their answer, and the assertions already used, kept until they expire (issue 26).
 */
export class SamlConnections1796600000000 implements MigrationInterface {
  name = 'SamlConnections1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD "protocol" text NOT NULL DEFAULT 'oidc'`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD "saml_metadata_url" text`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD "saml_idp_entity_id" text`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD "saml_idp_sso_url" text`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ADD "saml_idp_certificates" text array`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ALTER COLUMN "issuer" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ALTER COLUMN "client_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ALTER COLUMN "client_secret_sealed" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "saml_requests" ("connection_id" uuid NOT NULL, "request_id" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "saml_requests_pkey" PRIMARY KEY ("connection_id", "request_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "saml_requests_expires_at_idx" ON "saml_requests" ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "saml_requests" ADD CONSTRAINT "saml_requests_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "sso_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "saml_assertions" ("connection_id" uuid NOT NULL, "assertion_id" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "saml_assertions_pkey" PRIMARY KEY ("connection_id", "assertion_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "saml_assertions_expires_at_idx" ON "saml_assertions" ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "saml_assertions" ADD CONSTRAINT "saml_assertions_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "sso_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saml_assertions"`);
    await queryRunner.query(`DROP TABLE "saml_requests"`);
    // SAML connections cannot be OpenID ones: they go with their columns.
    await queryRunner.query(`DELETE FROM "sso_connections" WHERE "protocol" <> 'oidc'`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ALTER COLUMN "client_secret_sealed" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ALTER COLUMN "client_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sso_connections" ALTER COLUMN "issuer" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP COLUMN "saml_idp_certificates"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP COLUMN "saml_idp_sso_url"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP COLUMN "saml_idp_entity_id"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP COLUMN "saml_metadata_url"`);
    await queryRunner.query(`ALTER TABLE "sso_connections" DROP COLUMN "protocol"`);
  }
}
