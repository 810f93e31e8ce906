import { Module } from '@nestjs/common';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { NoticesModule } from '@tcma/notices';
import { RenderingModule } from '@tcma/rendering';
import { TenancyModule } from '@tcma/tenancy';
import { AccountsRepository } from './accounts.repository';
import { ConciergeRepository } from './concierge.repository';
import { ConciergeService } from './concierge.service';
import { InvitationPreviews } from './invitation-preview';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { PasswordLinksModule } from './password-links';
import { PasswordResetsService } from './password-resets.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

/** Signing in from a browser: passwords, invitations, password resets, sessions; concierge access. */
@Module({
  imports: [TenancyModule, NoticesModule, PasswordLinksModule, CampaignsModule, BrandKitsModule, RenderingModule],
  providers: [
    AccountsRepository,
    ConciergeRepository,
    ConciergeService,
    InvitationsRepository,
    InvitationsService,
    InvitationPreviews,
    PasswordResetsService,
    SessionsRepository,
    SessionsService,
    SignInThrottleRepository,
  ],
  exports: [ConciergeService, InvitationsService, PasswordResetsService, SessionsService],
})
export class AccountsModule {}
