import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vendor's own brand on everything its partners see (issue 25): the portal's name, logo,
 * colour and favicon, and the From name and signature of the engine's emails to partner users.
 * One row per vendor, absent until a vendor admin saves it (the vendor's name stands in).
 */
export class VendorBrands1795760000000 implements MigrationInterface {
  name = 'VendorBrands1795760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendor_brands" ("vendor_id" uuid NOT NULL, "display_name" text, "primary_color" text, "support_email" text, "support_url" text, "logo" jsonb, "favicon" jsonb, "revision" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "vendor_brands_pkey" PRIMARY KEY ("vendor_id"))`);
    await queryRunner.query(`ALTER TABLE "vendor_brands" ADD CONSTRAINT "vendor_brands_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_brands" DROP CONSTRAINT "vendor_brands_vendor_id_fkey"`);
    await queryRunner.query(`DROP TABLE "vendor_brands"`);
  }
}
