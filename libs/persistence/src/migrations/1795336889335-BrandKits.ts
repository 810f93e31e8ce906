import { MigrationInterface, QueryRunner } from 'typeorm';

export class BrandKits1795336889335 implements MigrationInterface {
  name = 'BrandKits1795336889335';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "brand_kits" ("partner_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "company_name" text, "contact_name" text, "phone" text, "email" text, "website" text, "address" text, "primary_color" text, "secondary_color" text, "logo" jsonb, "sender_from_name" text, "sender_from_email" text, "sender_reply_to" text, "revision" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "brand_kits_pkey" PRIMARY KEY ("partner_id"))`);
    await queryRunner.query(`CREATE TABLE "public_blobs" ("key" text NOT NULL, "content_type" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "public_blobs_pkey" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "brand_kits" ADD CONSTRAINT "brand_kits_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brand_kits" ADD CONSTRAINT "brand_kits_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "brand_kits" DROP CONSTRAINT "brand_kits_vendor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "brand_kits" DROP CONSTRAINT "brand_kits_partner_id_fkey"`);
    await queryRunner.query(`DROP TABLE "public_blobs"`);
    await queryRunner.query(`DROP TABLE "brand_kits"`);
  }
}
