export { FacebookAdapter } from './facebook.adapter';
export { LINKEDIN_MEMBER_SCOPES, LinkedInAdapter } from './linkedin.adapter';
export { codeChallengeOf, newCodeVerifier } from './pkce';
export {
  SocialRateLimited,
  SocialRejected,
  SocialTimeout,
  SocialUnauthorized,
  SocialUnavailable,
} from './social-network';
export type { SocialNetworkAdapter } from './social-network';
export { SocialModule } from './social.module';
export { SocialNetworks } from './social-networks';
export { XAdapter } from './x.adapter';
export { SocialConnectionsRepository } from './social-connections.repository';
export { SocialConnectionsSweep } from './social-connections-sweep.service';
export { SOCIAL_REVOCATIONS, SocialConnectionsService } from './social-connections.service';
export type { Disconnected, PostingState, SocialRevocation } from './social-connections.service';
export { NETWORK_NAMES } from './social-connection-notices';
export { connectionWorks, defaultConnections } from './posting-defaults';
