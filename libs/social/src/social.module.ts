import { Module } from '@nestjs/common';
import { SocialNetworks } from './social-networks';

/** The social networks' adapters (LinkedIn, X, Facebook). */
@Module({
  providers: [SocialNetworks],
  exports: [SocialNetworks],
})
export class SocialModule {}
