import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A programme's social post goes out at a local time of day of its own (issue 16), not at the
 * moment its pending launch starts (which may be 03:00 after a review period ends).
 */
export class SubscriptionSocialPostingTime1795731000000 implements MigrationInterface {
  name = 'SubscriptionSocialPostingTime1795731000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" ADD "social_post_time" text NOT NULL DEFAULT '10:00'`);
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" ADD "social_post_weekdays_only" boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" DROP COLUMN "social_post_weekdays_only"`);
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" DROP COLUMN "social_post_time"`);
  }
}
