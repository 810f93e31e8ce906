import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Engagement milestones into CRMs ("leads into their CRM with revenue back"): a second CRM
 * ledger beside `crm_records`, one row per (connection, event, kind), claimed as records are, so
 * a click, a landing-page visit or a conversion is written to a record's contact once; and the
 * indexes that lead a judged event to its prospect's leads and their records.
 */
export class CrmActivities1796910000000 implements MigrationInterface {
  name = 'CrmActivities1796910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "crm_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "record_id" uuid NOT NULL, "event_id" bigint NOT NULL, "kind" text NOT NULL, "campaign_id" uuid NOT NULL, "launch_id" uuid NOT NULL, "step" integer, "link_name" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "uncertain" boolean NOT NULL DEFAULT false, "crm_activity_id" text, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE, "claimed_by" text, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "written_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "crm_activities_kind_check" CHECK ("kind" IN ('clicked', 'page_visited', 'converted')), CONSTRAINT "crm_activities_pkey" PRIMARY KEY ("id"))`,
    );
    // The same milestone is never recorded twice for a connection, whoever judges its event.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "crm_activities_connection_id_event_id_kind_key" ON "crm_activities" ("connection_id", "event_id", "kind") `,
    );
    await queryRunner.query(`CREATE INDEX "crm_activities_record_id_idx" ON "crm_activities" ("record_id") `);
    await queryRunner.query(
      `CREATE INDEX "crm_activities_due_idx" ON "crm_activities" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "crm_activities_partner_idx" ON "crm_activities" ("vendor_id", "partner_id", "created_at") `,
    );
    // A judged event's milestone finds its prospect's leads, then their records, by these.
    await queryRunner.query(`CREATE INDEX "leads_prospect_id_idx" ON "leads" ("prospect_id") `);
    await queryRunner.query(`CREATE INDEX "crm_records_lead_id_idx" ON "crm_records" ("lead_id") `);
    await queryRunner.query(
      `ALTER TABLE "crm_activities" ADD CONSTRAINT "crm_activities_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "crm_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "crm_activities" ADD CONSTRAINT "crm_activities_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "crm_records"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "crm_activities" DROP CONSTRAINT "crm_activities_record_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "crm_activities" DROP CONSTRAINT "crm_activities_connection_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."crm_records_lead_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."leads_prospect_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_activities_partner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_activities_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_activities_record_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."crm_activities_connection_id_event_id_kind_key"`);
    await queryRunner.query(`DROP TABLE "crm_activities"`);
  }
}
