import { Module } from '@nestjs/common';
import { OidcClients } from './oidc-clients';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { SsoConnectionsService } from './sso-connections.service';
import { SsoSignInService } from './sso-sign-in.service';

/** Single sign-on through vendors' OpenID Connect providers: connections, the sign-in, provisioning. */
@Module({
  providers: [OidcClients, SsoAccountsRepository, SsoConnectionsRepository, SsoConnectionsService, SsoSignInService],
  exports: [SsoConnectionsService, SsoSignInService],
})
export class SsoModule {}
