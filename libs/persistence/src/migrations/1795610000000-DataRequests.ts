import { MigrationInterface, QueryRunner } from 'typeorm';

/** Data subject requests (issue 14): the record of each export and erasure, without the address itself. */
export class DataRequests1795610000000 implements MigrationInterface {
  name = 'DataRequests1795610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid, "kind" text NOT NULL, "email_hash" text NOT NULL, "requested_by" uuid NOT NULL, "found" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "data_requests_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "data_requests_vendor_id_created_at_idx" ON "data_requests"  ("vendor_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_requests" DROP CONSTRAINT "data_requests_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "data_requests_vendor_id_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "data_requests"`);
  }
}
