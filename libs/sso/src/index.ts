export { CLOCK_TOLERANCE_S, DISCOVERY_TTL_MS, PROVIDER_TIMEOUT_MS } from './oidc-clients';
export { SAML_CLOCK_SKEW_MS } from './saml-subject';
export { SamlSignInService } from './saml-sign-in.service';
export { samlAcsUrl, samlEntityId, samlPaths } from './saml-urls';
export { rolesOf, SSO_REFUSALS, SsoRefusedError } from './sso-claims';
export type { SsoRefusal } from './sso-claims';
export {
  issuerUrlProblem,
  MAX_SSO_CONNECTIONS_PER_PARTNER,
  MAX_SSO_CONNECTIONS_PER_VENDOR,
  SsoConnectionsService,
} from './sso-connections.service';
export type { SsoConnectionFields } from './sso-connections.service';
export { SSO_DISCOVERY_MAX, SSO_SCOPES, SsoSignInService } from './sso-sign-in.service';
export { SSO_STATE_TTL_MS } from './sso-state';
export { SsoModule } from './sso.module';
export {
  readScimPatch,
  readScimUser,
  SCIM_LIST,
  SCIM_MAX_COUNT,
  ScimError,
  toScimUser,
  userNameFilter,
} from './scim-user';
export { ScimService } from './scim.service';
export { openTestTicket, SSO_TEST_MAX_CLAIMS, SSO_TEST_MAX_VALUE, SSO_TEST_TTL_MS } from './sso-test';
export type { SsoTestResult, SsoTestTicket } from './sso-test';
export { SsoTestResults } from './sso-test-results';
export { SsoTestsService } from './sso-tests.service';
export type { SsoFinish } from './sso-sign-in.service';
export { groupFilter, readGroupPatch, readScimGroup, SCIM_GROUP, toScimGroup } from './scim-group';
export type { ScimGroupView } from './scim-group';
export { SCIM_MAX_MEMBERS } from './scim-groups.repository';
export { SCIM_GROUP_DEFAULTS, ScimGroupsService } from './scim-groups.service';
export { SSO_REFUSAL_RETENTION_DAYS, SSO_REFUSALS_SHOWN } from './sso-refusals.repository';
export { emailDomainOf, EmailDomainsService, MAX_EMAIL_DOMAINS_PER_OWNER } from './email-domains.service';
