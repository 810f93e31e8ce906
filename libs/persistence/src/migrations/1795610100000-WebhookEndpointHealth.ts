import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints failing for a day are disabled, with their owner told (issue 14): how long each has been failing, and why it was disabled. */
export class WebhookEndpointHealth1795610100000 implements MigrationInterface {
  name = 'WebhookEndpointHealth1795610100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD "failing_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD "consecutive_failures" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD "disabled_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" DROP COLUMN "disabled_reason"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" DROP COLUMN "consecutive_failures"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" DROP COLUMN "failing_since"`);
  }
}
