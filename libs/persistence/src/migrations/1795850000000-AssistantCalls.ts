import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assistant (issue 27): every call to the model, recorded before it is made (its tokens
 * reserved, so a vendor's monthly budget and rate limit hold across processes) and completed
 * with what it used; and a vendor's own monthly token budget, below the installation's.
 */
export class AssistantCalls1795850000000 implements MigrationInterface {
  name = 'AssistantCalls1795850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assistant_calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid, "user_id" uuid, "purpose" text NOT NULL, "model" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "error" text, "reserved_tokens" integer NOT NULL DEFAULT 0, "prompt_tokens" integer NOT NULL DEFAULT 0, "completion_tokens" integer NOT NULL DEFAULT 0, "duration_ms" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assistant_calls_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "assistant_calls_vendor_id_created_at_idx" ON "assistant_calls" ("vendor_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "assistant_calls_partner_id_idx" ON "assistant_calls" ("partner_id") `);
    await queryRunner.query(`CREATE INDEX "assistant_calls_user_id_idx" ON "assistant_calls" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "assistant_calls" ADD CONSTRAINT "assistant_calls_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assistant_calls" ADD CONSTRAINT "assistant_calls_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assistant_calls" ADD CONSTRAINT "assistant_calls_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vendors" ADD "assistant_monthly_tokens" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendors" DROP COLUMN "assistant_monthly_tokens"`);
    await queryRunner.query(`ALTER TABLE "assistant_calls" DROP CONSTRAINT "assistant_calls_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "assistant_calls" DROP CONSTRAINT "assistant_calls_partner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "assistant_calls" DROP CONSTRAINT "assistant_calls_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."assistant_calls_user_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assistant_calls_partner_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assistant_calls_vendor_id_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "assistant_calls"`);
  }
}
