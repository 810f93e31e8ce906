import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A disconnected connection is kept as `revoked` with its tokens wiped (so posts due on it fail
 * with a clear reason instead of "no account"), and when it was disconnected.
 */
export class SocialConnectionRevocation1795730000000 implements MigrationInterface {
  name = 'SocialConnectionRevocation1795730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_connections" ALTER COLUMN "access_token_sealed" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "social_connections" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_connections" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`DELETE FROM "social_connections" WHERE "access_token_sealed" IS NULL`);
    await queryRunner.query(`ALTER TABLE "social_connections" ALTER COLUMN "access_token_sealed" SET NOT NULL`);
  }
}
