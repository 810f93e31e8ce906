import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27: the language of the email a send carried (the campaign's own or one of its email's
 * variants, chosen for the prospect when the send was claimed), so the prospect's activity and
 * the view-in-browser copy name and show the same variant. Null for sends before variants.
 */
export class SendLanguages1796300000000 implements MigrationInterface {
  name = 'SendLanguages1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sends" ADD "language" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sends" DROP COLUMN "language"`);
  }
}
