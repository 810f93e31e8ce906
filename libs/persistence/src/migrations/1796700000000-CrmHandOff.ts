import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CRM hand-off (issue 26): partners' and vendors' CRM connections, the ledger of leads written to
 * them (one row per lead and connection), and the won deals read back as revenue.
 */
export class CrmHandOff1796700000000 implements MigrationInterface {
  name = 'CrmHandOff1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "crm_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid, "provider" text NOT NULL, "account_id" text NOT NULL, "account_name" text NOT NULL, "instance_url" text, "access_token_sealed" text, "refresh_token_sealed" text, "expires_at" TIMESTAMP WITH TIME ZONE, "refreshing_until" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'active', "trouble" text, "notified_at" TIMESTAMP WITH TIME ZONE, "field_mapping" jsonb NOT NULL DEFAULT '{}', "connected_by" uuid, "revenue_mark" TIMESTAMP WITH TIME ZONE, "revenue_polled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "crm_connections_pkey" PRIMARY KEY ("id"))`);
    // One connection per owner and CRM; the vendor's own has no partner, hence NULLS NOT DISTINCT.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "crm_connections_owner_key" ON "crm_connections" ("vendor_id", "partner_id", "provider") NULLS NOT DISTINCT`,
    );
    await queryRunner.query(`CREATE INDEX "crm_connections_account_idx" ON "crm_connections"  ("provider", "account_id") `);
    await queryRunner.query(`CREATE TABLE "crm_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "lead_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "launch_id" uuid, "status" text NOT NULL DEFAULT 'pending', "uncertain" boolean NOT NULL DEFAULT false, "crm_contact_id" text, "crm_activity_id" text, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE, "claimed_by" text, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "written_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "crm_records_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "crm_records_partner_idx" ON "crm_records"  ("vendor_id", "partner_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "crm_records_due_idx" ON "crm_records"  ("next_attempt_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "crm_records_contact_idx" ON "crm_records"  ("connection_id", "crm_contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "crm_records_connection_id_lead_id_key" ON "crm_records"  ("connection_id", "lead_id") `);
    await queryRunner.query(`CREATE TABLE "crm_revenue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "deal_id" text NOT NULL, "lead_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "launch_id" uuid, "amount" numeric(18,2) NOT NULL, "currency" text NOT NULL, "won_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "crm_revenue_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "crm_revenue_vendor_idx" ON "crm_revenue"  ("vendor_id", "won_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "crm_revenue_connection_id_deal_id_key" ON "crm_revenue"  ("connection_id", "deal_id") `);
    await queryRunner.query(`ALTER TABLE "crm_connections" ADD CONSTRAINT "crm_connections_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "vendors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crm_connections" ADD CONSTRAINT "crm_connections_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crm_records" ADD CONSTRAINT "crm_records_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "crm_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crm_records" ADD CONSTRAINT "crm_records_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crm_revenue" ADD CONSTRAINT "crm_revenue_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "crm_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "crm_revenue" DROP CONSTRAINT "crm_revenue_connection_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "crm_records" DROP CONSTRAINT "crm_records_lead_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "crm_records" DROP CONSTRAINT "crm_records_connection_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "crm_connections" DROP CONSTRAINT "crm_connections_partner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "crm_connections" DROP CONSTRAINT "crm_connections_vendor_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."crm_revenue_connection_id_deal_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."crm_revenue_vendor_idx"`);
    await queryRunner.query(`DROP TABLE "crm_revenue"`);
    await queryRunner.query(`DROP INDEX "public"."crm_records_connection_id_lead_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."crm_records_contact_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_records_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_records_partner_idx"`);
    await queryRunner.query(`DROP TABLE "crm_records"`);
    await queryRunner.query(`DROP INDEX "public"."crm_connections_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_connections_owner_key"`);
    await queryRunner.query(`DROP TABLE "crm_connections"`);
  }
}
