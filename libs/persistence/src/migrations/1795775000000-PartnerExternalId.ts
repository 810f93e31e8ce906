import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's id in the vendor's own systems (its PRM account id, issue 26): what single sign-on
 * claims and SCIM groups name a partner by. Unique per vendor when set (a partial unique index:
 * any number of partners may have none).
 */
export class PartnerExternalId1795775000000 implements MigrationInterface {
  name = 'PartnerExternalId1795775000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partners" ADD "external_id" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "partners_vendor_id_external_id_key" ON "partners" ("vendor_id", "external_id") WHERE "external_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."partners_vendor_id_external_id_key"`);
    await queryRunner.query(`ALTER TABLE "partners" DROP COLUMN "external_id"`);
  }
}
