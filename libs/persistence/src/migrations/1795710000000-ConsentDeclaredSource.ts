import { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported prospects get a consent record (issue 14): it keeps the consent source the importer declared for the prospect. */
export class ConsentDeclaredSource1795710000000 implements MigrationInterface {
  name = 'ConsentDeclaredSource1795710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_records" ADD "declared_source" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_records" DROP COLUMN "declared_source"`);
  }
}
