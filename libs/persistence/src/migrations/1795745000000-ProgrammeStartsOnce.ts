import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 28: a launch names the pending launch it started (unique, so a retried start can never
 * make a second launch of one pending launch), and a subscription remembers when it was last
 * subscribed, since only versions published after that are offered to it.
 */
export class ProgrammeStartsOnce1795745000000 implements MigrationInterface {
  name = 'ProgrammeStartsOnce1795745000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "launches" ADD "pending_launch_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "launches_pending_launch_id_key" ON "launches" ("pending_launch_id") `);
    await queryRunner.query(`UPDATE "launches" l SET "pending_launch_id" = pl."id" FROM "pending_launches" pl WHERE pl."launch_id" = l."id"`);
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" ADD "subscribed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE "programme_subscriptions" SET "subscribed_at" = "created_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme_subscriptions" DROP COLUMN "subscribed_at"`);
    await queryRunner.query(`DROP INDEX "launches_pending_launch_id_key"`);
    await queryRunner.query(`ALTER TABLE "launches" DROP COLUMN "pending_launch_id"`);
  }
}
