import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The host names vendors serve their partner portals at (issue 25): claimed by a DNS TXT
 * record, and a verified host belongs to one vendor only (a partial unique index: pending
 * claims of the same host by several vendors do not block each other).
 */
export class VendorHostNames1795770000000 implements MigrationInterface {
  name = 'VendorHostNames1795770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "vendor_host_names" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "host" text NOT NULL, "verification_token" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "checked_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "vendor_host_names_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "vendor_host_names_vendor_id_host_key" ON "vendor_host_names"  ("vendor_id", "host") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "vendor_host_names_verified_host_key" ON "vendor_host_names" ("host") WHERE "status" = 'verified'`);
    await queryRunner.query(`ALTER TABLE "vendor_host_names" ADD CONSTRAINT "vendor_host_names_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_host_names" DROP CONSTRAINT "vendor_host_names_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."vendor_host_names_verified_host_key"`);
    await queryRunner.query(`DROP INDEX "public"."vendor_host_names_vendor_id_host_key"`);
    await queryRunner.query(`DROP TABLE "vendor_host_names"`);
  }
}
