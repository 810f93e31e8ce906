import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27: the language a prospect reads and a partner's default (for its prospects without
 * one), canonical BCP 47 tags (checked by the engine, as time zones are), by which the language
 * variant of a campaign a prospect is sent will be chosen.
 */
export class ProspectLanguages1796200000000 implements MigrationInterface {
  name = 'ProspectLanguages1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "prospects" ADD "language" text`);
    await queryRunner.query(`ALTER TABLE "partners" ADD "language" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partners" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "prospects" DROP COLUMN "language"`);
  }
}
