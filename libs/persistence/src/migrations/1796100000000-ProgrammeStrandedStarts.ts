import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 28: pending launches marked started with no launch, which only an engine older than the
 * one-transaction start (ProgrammeStartsOnce) could leave, its worker dying between its two
 * writes. The programme sweep looks for them every round and finishes them; this partial index
 * keeps that look as cheap as the (normally empty) set it finds.
 */
export class ProgrammeStrandedStarts1796100000000 implements MigrationInterface {
  name = 'ProgrammeStrandedStarts1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "pending_launches_started_without_launch_idx" ON "pending_launches" ("id") WHERE "state" = 'started' AND "launch_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "pending_launches_started_without_launch_idx"`);
  }
}
