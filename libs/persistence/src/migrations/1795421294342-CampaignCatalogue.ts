import { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalogue metadata the vendor sets on a campaign itself (not versioned content): promoted, and when partners may use it. */
export class CampaignCatalogue1795421294342 implements MigrationInterface {
  name = 'CampaignCatalogue1795421294342';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "promoted" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "available_from" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "available_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "available_until"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "available_from"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "promoted"`);
  }
}
