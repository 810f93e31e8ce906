import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27: the language a prospect reads, a canonical BCP 47 tag (checked by the engine, as the
 * time zone is), from which the language variant of a campaign it is sent will be chosen.
 */
export class ProspectLanguages1796200000000 implements MigrationInterface {
  name = 'ProspectLanguages1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "prospects" ADD "language" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "prospects" DROP COLUMN "language"`);
  }
}
