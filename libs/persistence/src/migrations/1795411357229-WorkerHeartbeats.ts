import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerHeartbeats1795411357229 implements MigrationInterface {
  name = 'WorkerHeartbeats1795411357229';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "workers" ("id" text NOT NULL, "hostname" text NOT NULL, "pid" integer NOT NULL, "roles" text array NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "beat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "workers_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "workers_beat_at_idx" ON "workers"  ("beat_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."workers_beat_at_idx"`);
    await queryRunner.query(`DROP TABLE "workers"`);
  }
}
