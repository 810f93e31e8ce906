import { Module } from '@nestjs/common';
import { NoticesModule } from '@tcma/notices';
import { TenancyModule } from '@tcma/tenancy';
import { AccountsRepository } from './accounts.repository';
import { ConciergeRepository } from './concierge.repository';
import { ConciergeService } from './concierge.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { PasswordLinksModule } from './password-links';
import { PasswordResetsService } from './password-resets.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

/** Signing in from a browser: passwords, invitations, password resets, sessions; concierge access. */
@Module({
  imports: [TenancyModule, NoticesModule, PasswordLinksModule],
  providers: [
    AccountsRepository,
    ConciergeRepository,
    ConciergeService,
    InvitationsRepository,
    InvitationsService,
    PasswordResetsService,
    SessionsRepository,
    SessionsService,
    SignInThrottleRepository,
  ],
  exports: [ConciergeService, InvitationsService, PasswordResetsService, SessionsService],
})
export class AccountsModule {}
