import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several accounts on one network (issue 28): the account a post's delivery goes out as, and
 * the accounts a subscription's posts go out as, chosen by the partner (none: the most recently
 * connected). No foreign key: a chosen account that is removed must make the post fail with a
 * reason, never fall back to another account. A concierge audit entry may name what was done.
 */
export class SocialPostAccounts1795733000000 implements MigrationInterface {
  name = 'SocialPostAccounts1795733000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_post_deliveries" ADD "connection_id" uuid`);
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" ADD "social_accounts" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "concierge_accesses" ADD "action" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "concierge_accesses" DROP COLUMN "action"`);
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" DROP COLUMN "social_accounts"`);
    await queryRunner.query(`ALTER TABLE "social_post_deliveries" DROP COLUMN "connection_id"`);
  }
}
