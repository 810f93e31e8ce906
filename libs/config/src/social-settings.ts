import { int } from './env-parsers';
import type { EnvReader } from './env-reader';
import { OAuthClientSettings, readOAuthClient } from './oauth-client-settings';

/** One social network's OAuth client and hosts (README "Social connections"). */
export type SocialNetworkSettings = OAuthClientSettings;

/** A call to a social network (token, upload, post) may take this long (SOCIAL_TIMEOUT_MS). */
export const DEFAULT_SOCIAL_TIMEOUT_MS = 30_000;
/** Access tokens are refreshed once less than this much of their life remains (SOCIAL_REFRESH_AHEAD_HOURS). */
export const DEFAULT_SOCIAL_REFRESH_AHEAD_HOURS = 24;
/** A connection that will stop working within this many days is announced to the partner (SOCIAL_EXPIRY_NOTICE_DAYS). */
export const DEFAULT_SOCIAL_EXPIRY_NOTICE_DAYS = 7;

/** Social networks partners connect (README "Social connections"): a network without a client id and secret cannot be connected. */
export interface SocialSettings {
  linkedin: SocialNetworkSettings;
  x: SocialNetworkSettings;
  facebook: SocialNetworkSettings;
  timeoutMs: number;
  refreshAheadMs: number;
  expiryNoticeMs: number;
}

export function readSocial(r: EnvReader): SocialSettings {
  const { read } = r;
  return {
    linkedin: readOAuthClient(r, 'LINKEDIN', 'https://www.linkedin.com', 'https://api.linkedin.com'),
    x: readOAuthClient(r, 'X', 'https://x.com', 'https://api.x.com'),
    facebook: readOAuthClient(r, 'FACEBOOK', 'https://www.facebook.com', 'https://graph.facebook.com'),
    timeoutMs: read('SOCIAL_TIMEOUT_MS', int(100, 600_000), DEFAULT_SOCIAL_TIMEOUT_MS),
    refreshAheadMs: read('SOCIAL_REFRESH_AHEAD_HOURS', int(1, 24 * 30), DEFAULT_SOCIAL_REFRESH_AHEAD_HOURS) * 3_600_000,
    expiryNoticeMs: read('SOCIAL_EXPIRY_NOTICE_DAYS', int(1, 60), DEFAULT_SOCIAL_EXPIRY_NOTICE_DAYS) * 86_400_000,
  };
}
