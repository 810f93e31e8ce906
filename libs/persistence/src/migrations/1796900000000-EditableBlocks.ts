import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27, a partner's own words: a launch whose editable block (a text_block slot the vendor
 * approves) carries a new text waits in the status awaiting_approval; launches name the blocks
 * that wait and the approver's decision (who, when, the comment of a return). A text once
 * approved for a partner, campaign and block is remembered by its hash, so it never asks twice.
 */
export class EditableBlocks1796900000000 implements MigrationInterface {
  name = 'EditableBlocks1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "launches" ADD "approval_slots" jsonb`);
    await queryRunner.query(`ALTER TABLE "launches" ADD "approval_comment" text`);
    await queryRunner.query(`ALTER TABLE "launches" ADD "approval_decided_by" uuid`);
    await queryRunner.query(`ALTER TABLE "launches" ADD "approval_decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "launches_vendor_id_awaiting_idx" ON "launches" ("vendor_id") WHERE "status" = 'awaiting_approval'`,
    );
    await queryRunner.query(`CREATE INDEX "launches_approval_decided_by_idx" ON "launches" ("approval_decided_by") `);
    await queryRunner.query(
      `ALTER TABLE "launches" ADD CONSTRAINT "launches_approval_decided_by_fkey" FOREIGN KEY ("approval_decided_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "approved_text_blocks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "slot_name" text NOT NULL, "text_hash" text NOT NULL, "text" text NOT NULL, "launch_id" uuid, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "approved_text_blocks_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "approved_text_blocks_key" ON "approved_text_blocks" ("partner_id", "campaign_id", "slot_name", "text_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "approved_text_blocks_vendor_id_idx" ON "approved_text_blocks" ("vendor_id") `);
    await queryRunner.query(`CREATE INDEX "approved_text_blocks_campaign_id_idx" ON "approved_text_blocks" ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "approved_text_blocks_launch_id_idx" ON "approved_text_blocks" ("launch_id") `);
    await queryRunner.query(`CREATE INDEX "approved_text_blocks_approved_by_idx" ON "approved_text_blocks" ("approved_by") `);
    for (const [column, target, onDelete] of [
      ['vendor_id', 'vendors', 'CASCADE'],
      ['partner_id', 'partners', 'CASCADE'],
      ['campaign_id', 'campaigns', 'CASCADE'],
      ['launch_id', 'launches', 'SET NULL'],
      ['approved_by', 'users', 'SET NULL'],
    ])
      await queryRunner.query(
        `ALTER TABLE "approved_text_blocks" ADD CONSTRAINT "approved_text_blocks_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "approved_text_blocks"`);
    await queryRunner.query(`ALTER TABLE "launches" DROP CONSTRAINT "launches_approval_decided_by_fkey"`);
    await queryRunner.query(`DROP INDEX "launches_approval_decided_by_idx"`);
    await queryRunner.query(`DROP INDEX "launches_vendor_id_awaiting_idx"`);
    for (const column of ['approval_decided_at', 'approval_decided_by', 'approval_comment', 'approval_slots'])
      await queryRunner.query(`ALTER TABLE "launches" DROP COLUMN "${column}"`);
  }
}
