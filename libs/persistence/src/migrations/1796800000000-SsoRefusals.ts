import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-ins a single sign-on connection refused, kept 30 days for its vendor's admins (issue 26). */
export class SsoRefusals1796800000000 implements MigrationInterface {
  name = 'SsoRefusals1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sso_refusals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "reason" text NOT NULL, "detail" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sso_refusals_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sso_refusals_created_at_idx" ON "sso_refusals"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "sso_refusals_connection_idx" ON "sso_refusals"  ("connection_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "sso_refusals" ADD CONSTRAINT "sso_refusals_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "sso_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_refusals" DROP CONSTRAINT "sso_refusals_connection_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."sso_refusals_connection_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sso_refusals_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "sso_refusals"`);
  }
}
