import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners' social accounts (issue 16): connections with sealed tokens, one per (partner, network, account), and the authorizations under way. */
export class SocialConnections1795700000000 implements MigrationInterface {
  name = 'SocialConnections1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "social_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "network" text NOT NULL, "account_id" text NOT NULL, "account_name" text NOT NULL, "access_token_sealed" text NOT NULL, "refresh_token_sealed" text, "expires_at" TIMESTAMP WITH TIME ZONE, "refresh_expires_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'active', "last_error" text, "notified_at" TIMESTAMP WITH TIME ZONE, "refreshed_at" TIMESTAMP WITH TIME ZONE, "connected_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "social_connections_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "social_connections_partner_id_network_account_id_key" ON "social_connections" ("partner_id", "network", "account_id") `);
    await queryRunner.query(`CREATE INDEX "social_connections_vendor_id_idx" ON "social_connections" ("vendor_id") `);
    await queryRunner.query(
      `CREATE TABLE "social_authorizations" ("state_hash" text NOT NULL, "vendor_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "network" text NOT NULL, "code_verifier_sealed" text NOT NULL, "user_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "social_authorizations_pkey" PRIMARY KEY ("state_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "social_authorizations_expires_at_idx" ON "social_authorizations" ("expires_at") `);
    for (const table of ['social_connections', 'social_authorizations']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "social_authorizations"`);
    await queryRunner.query(`DROP TABLE "social_connections"`);
  }
}
