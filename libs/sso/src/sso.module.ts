import { Module } from '@nestjs/common';
import { OidcClients } from './oidc-clients';
import { ScimRepository } from './scim.repository';
import { ScimService } from './scim.service';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { SsoConnectionsService } from './sso-connections.service';
import { SsoSignInService } from './sso-sign-in.service';

/** Single sign-on through vendors' OpenID Connect providers (connections, the sign-in, provisioning) and SCIM. */
@Module({
  providers: [
    OidcClients,
    ScimRepository,
    ScimService,
    SsoAccountsRepository,
    SsoConnectionsRepository,
    SsoConnectionsService,
    SsoSignInService,
  ],
  exports: [ScimService, SsoConnectionsService, SsoSignInService],
})
export class SsoModule {}
