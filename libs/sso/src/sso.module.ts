import { Module } from '@nestjs/common';
import { DeliveryModule } from '@tcma/delivery';
import { EmailDomainsRepository } from './email-domains.repository';
import { EmailDomainsService } from './email-domains.service';
import { OidcClients } from './oidc-clients';
import { SamlMetadataSource } from './saml-metadata-source';
import { SamlSignInService } from './saml-sign-in.service';
import { SamlRepository } from './saml.repository';
import { ScimRepository } from './scim.repository';
import { ScimService } from './scim.service';
import { ScimGroupsRepository } from './scim-groups.repository';
import { ScimGroupsService } from './scim-groups.service';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { SsoConnectionsService } from './sso-connections.service';
import { SsoRefusalsRepository } from './sso-refusals.repository';
import { SsoProvisioning } from './sso-provisioning.service';
import { SsoSignInService } from './sso-sign-in.service';
import { SsoTestResults } from './sso-test-results';
import { SsoTestsService } from './sso-tests.service';

/** Single sign-on through vendors' OpenID Connect and SAML 2.0 providers (connections, the sign-in, provisioning) and SCIM. */
@Module({
  // DeliveryModule for its TXT resolver: email domains are proven as sending domains are (DNS_SERVERS).
  imports: [DeliveryModule],
  providers: [
    EmailDomainsRepository,
    EmailDomainsService,
    OidcClients,
    SamlMetadataSource,
    SamlRepository,
    SamlSignInService,
    ScimRepository,
    ScimService,
    ScimGroupsRepository,
    ScimGroupsService,
    SsoAccountsRepository,
    SsoConnectionsRepository,
    SsoConnectionsService,
    SsoProvisioning,
    SsoRefusalsRepository,
    SsoSignInService,
    SsoTestResults,
    SsoTestsService,
  ],
  exports: [
    EmailDomainsService,
    ScimGroupsService,
    SsoTestResults,
    SsoTestsService,
    SamlSignInService,
    ScimService,
    SsoConnectionsService,
    SsoSignInService,
  ],
})
export class SsoModule {}
