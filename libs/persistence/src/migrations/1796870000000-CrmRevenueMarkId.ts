import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Salesforce poll's high-water mark gains the id of the last deal read at its timestamp, so a
 * page that ends among deals modified in the same second goes on past them instead of skipping
 * the rest (issue 26).
 */
export class CrmRevenueMarkId1796870000000 implements MigrationInterface {
  name = 'CrmRevenueMarkId1796870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "crm_connections" ADD "revenue_mark_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "crm_connections" DROP COLUMN "revenue_mark_id"`);
  }
}
