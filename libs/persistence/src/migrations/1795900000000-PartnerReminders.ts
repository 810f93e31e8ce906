import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vendor home's Remind (issue 25): each reminder a vendor user sent an idle partner's users,
 * with the campaign it offered and the launch started from it (one per reminder, whichever of
 * the users mailed acts first), so the home shows when a partner was last reminded and a partner
 * is not reminded twice within a week.
 */
export class PartnerReminders1795900000000 implements MigrationInterface {
  name = 'PartnerReminders1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partner_reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "sent_by" uuid, "recipients" integer NOT NULL, "launch_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "partner_reminders_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "partner_reminders_partner_id_created_at_idx" ON "partner_reminders" ("partner_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "partner_reminders_vendor_id_idx" ON "partner_reminders" ("vendor_id") `);
    await queryRunner.query(`CREATE INDEX "partner_reminders_campaign_id_idx" ON "partner_reminders" ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "partner_reminders_sent_by_idx" ON "partner_reminders" ("sent_by") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "partner_reminders_launch_id_key" ON "partner_reminders" ("launch_id") `);
    await queryRunner.query(`ALTER TABLE "partner_reminders" ADD CONSTRAINT "partner_reminders_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" ADD CONSTRAINT "partner_reminders_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" ADD CONSTRAINT "partner_reminders_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" ADD CONSTRAINT "partner_reminders_launch_id_fkey" FOREIGN KEY ("launch_id") REFERENCES "launches"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" ADD CONSTRAINT "partner_reminders_sent_by_fkey" FOREIGN KEY ("sent_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner_reminders" DROP CONSTRAINT "partner_reminders_sent_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" DROP CONSTRAINT "partner_reminders_launch_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" DROP CONSTRAINT "partner_reminders_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" DROP CONSTRAINT "partner_reminders_partner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "partner_reminders" DROP CONSTRAINT "partner_reminders_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reminders_launch_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reminders_sent_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reminders_campaign_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reminders_vendor_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."partner_reminders_partner_id_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "partner_reminders"`);
  }
}
