import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's language (issue 25, "In the partner's language"): the web app follows it and the
 * engine's emails to the user are written in it; null follows the browser (emails in English).
 * An invitation carries the invitee's language as the inviter chose it, for its email and the
 * user it creates. The API accepts only the languages of @tcma/locales.
 */
export class UserLocales1795820000000 implements MigrationInterface {
  name = 'UserLocales1795820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" text`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "locale" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
  }
}
