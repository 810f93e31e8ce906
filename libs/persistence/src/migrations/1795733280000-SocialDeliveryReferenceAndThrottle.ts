import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 28: a social delivery keeps the engine's own reference to the post it is creating (known
 * before the creating call: LinkedIn's image URN, X's media key, Facebook's unpublished photo
 * id), by which a lost answer is settled; and the time it has spent waiting out rate limits,
 * which spends no attempt but is bounded.
 */
export class SocialDeliveryReferenceAndThrottle1795733280000 implements MigrationInterface {
  name = 'SocialDeliveryReferenceAndThrottle1795733280000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_post_deliveries" ADD "remote_ref" text`);
    await queryRunner.query(`ALTER TABLE "social_post_deliveries" ADD "throttled_ms" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_post_deliveries" DROP COLUMN "throttled_ms"`);
    await queryRunner.query(`ALTER TABLE "social_post_deliveries" DROP COLUMN "remote_ref"`);
  }
}
