import { MigrationInterface, QueryRunner } from 'typeorm';

export class SenderConfirmation1795480000000 implements MigrationInterface {
  name = 'SenderConfirmation1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "brand_kits" ADD "sender_confirmed_email" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "brand_kits" DROP COLUMN "sender_confirmed_email"`);
  }
}
