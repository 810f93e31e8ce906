import { Module } from '@nestjs/common';
import { NoticesModule } from '@tcma/notices';
import { TenancyModule } from '@tcma/tenancy';
import { SocialConnectionNotices } from './social-connection-notices';
import { SocialConnectionsRepository } from './social-connections.repository';
import { SocialConnectionsSweep } from './social-connections-sweep.service';
import { SocialConnectionsService } from './social-connections.service';
import { SocialNetworks } from './social-networks';

/** The social networks' adapters (LinkedIn, X, Facebook) and partners' connections to them. */
@Module({
  imports: [TenancyModule, NoticesModule],
  providers: [
    SocialNetworks,
    SocialConnectionsRepository,
    SocialConnectionNotices,
    SocialConnectionsService,
    SocialConnectionsSweep,
  ],
  exports: [SocialNetworks, SocialConnectionsRepository, SocialConnectionsService, SocialConnectionsSweep],
})
export class SocialModule {}
