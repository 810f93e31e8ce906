import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Signer } from './signer';

/**
 * The instance secret: SIGNING_SECRET when set, else one generated on first start and kept
 * in the database, so every API and worker process of the installation shares it.
 */
async function instanceSecret(config: AppConfig, dataSource: DataSource): Promise<string> {
  if (config.signingSecret) return config.signingSecret;
  await dataSource.query(`INSERT INTO instance_settings (key, value) VALUES ('signing_secret', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(48).toString('base64url')]);
  const rows: Array<{ value: string }> = await dataSource.query(`SELECT value FROM instance_settings WHERE key = 'signing_secret'`);
  return rows[0].value;
}

@Global()
@Module({
  providers: [{ provide: Signer, inject: [AppConfig, DataSource], useFactory: async (config: AppConfig, dataSource: DataSource) => new Signer(await instanceSecret(config, dataSource)) }],
  exports: [Signer],
})
export class SigningModule {}
