import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { randomBytes } from 'node:crypto';
import { InstanceSettingsRepository } from './instance-settings.repository';
import { SendRefs } from './send-refs';
import { Signer } from './signer';

/**
 * The instance secret: SIGNING_SECRET when set, else one generated on first start and kept
 * in the database, so every API and worker process of the installation shares it.
 */
async function instanceSecret(config: AppConfig, settings: InstanceSettingsRepository): Promise<string> {
  if (config.signingSecret) return config.signingSecret;
  return settings.valueOrInit('signing_secret', randomBytes(48).toString('base64url'));
}

@Global()
@Module({
  providers: [
    InstanceSettingsRepository,
    {
      provide: Signer,
      inject: [AppConfig, InstanceSettingsRepository],
      useFactory: async (config: AppConfig, settings: InstanceSettingsRepository) =>
        new Signer(await instanceSecret(config, settings)),
    },
    SendRefs,
  ],
  exports: [Signer, SendRefs],
})
export class SigningModule {}
