export type { AdapterSettings } from './adapter-settings';
export { FACEBOOK_GRAPH_VERSION, FACEBOOK_SCOPES, FacebookAdapter } from './facebook.adapter';
export {
  LINKEDIN_MEMBER_SCOPES,
  LINKEDIN_ORGANIZATION_SCOPES,
  LINKEDIN_SCOPES,
  LINKEDIN_VERSION,
  LinkedInAdapter,
  littleText,
} from './linkedin.adapter';
export { FACEBOOK_DEFAULT_THROTTLE_SECONDS, facebookErrorOf, facebookThrottleSeconds } from './facebook-throttle';
export { codeChallengeOf, newCodeVerifier } from './pkce';
export { DEFAULT_RETRY_AFTER_SECONDS, retryAfterOf } from './social-http';
export {
  SocialError,
  SocialRateLimited,
  SocialRejected,
  SocialTimeout,
  SocialUnauthorized,
  SocialUnavailable,
} from './social-network';
export type {
  FindPublishedRequest,
  PublishedPost,
  PublishRequest,
  RevokeOutcome,
  SocialGrant,
  SocialNetworkAdapter,
  SocialTokens,
} from './social-network';
export { SocialModule } from './social.module';
export { SocialNetworks } from './social-networks';
export { X_SCOPES, XAdapter } from './x.adapter';
export { NETWORK_NAMES, SocialConnectionNotices } from './social-connection-notices';
export { SocialConnectionsRepository } from './social-connections.repository';
export type { AuthorizationTaken, ConnectionTokens, NewAuthorization } from './social-connections.repository';
export { SocialConnectionsSweep } from './social-connections-sweep.service';
export type { SocialSweepReport } from './social-connections-sweep.service';
export {
  callbackPath,
  SOCIAL_AUTHORIZATION_TTL_MS,
  SOCIAL_REVOCATIONS,
  SocialConnectionsService,
} from './social-connections.service';
export type { Disconnected, SocialRevocation } from './social-connections.service';
