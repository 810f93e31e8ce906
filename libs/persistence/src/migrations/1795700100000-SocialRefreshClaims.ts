import { MigrationInterface, QueryRunner } from 'typeorm';

/** One sweeper at a time refreshes a connection (X's refresh tokens are single use: a second refresh with the same token would fail and break it). */
export class SocialRefreshClaims1795700100000 implements MigrationInterface {
  name = 'SocialRefreshClaims1795700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_connections" ADD "refresh_claimed_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_connections" DROP COLUMN "refresh_claimed_until"`);
  }
}
