import type { SocialNetwork } from '@tcma/persistence';

/** What an authorization grants: one account (a member, a user, a page) and its tokens. */
export interface SocialGrant {
  accessToken: string;
  /** Null where the network issues none (Facebook page tokens do not expire). */
  refreshToken: string | null;
  /** When the access token stops working; null: it does not expire. */
  expiresAt: Date | null;
  /** When the refresh token stops working; null: unknown or never. */
  refreshExpiresAt: Date | null;
  /** The network's id of the account posts are published as (LinkedIn `urn:li:person:…` or `urn:li:organization:…`, X user id, Facebook page id). */
  accountId: string;
  accountName: string;
}

/** Tokens after a refresh: the account stays the same. */
export type SocialTokens = Pick<SocialGrant, 'accessToken' | 'refreshToken' | 'expiresAt' | 'refreshExpiresAt'>;

export interface PublishRequest {
  accessToken: string;
  accountId: string;
  text: string;
  image: Buffer;
  mimeType: string;
  /** The caller's key of this post (the ledger row): sent where the network takes one, logged otherwise. */
  idempotencyKey: string;
  /**
   * Called with the post's reference (see FindPublishedRequest.reference) once it is known and
   * before the call that creates the post; the adapter does not make that call unless this
   * resolves. The caller keeps the reference to settle a lost answer by.
   */
  prepared(reference: string): Promise<void>;
}

export interface PublishedPost {
  remoteId: string;
  url: string | null;
}

export interface FindPublishedRequest {
  accessToken: string;
  accountId: string;
  /**
   * What publish handed to `prepared`: none of the three networks takes an idempotency key or
   * echoes a client reference, so each adapter makes the post carry something it created itself
   * before the creating call and the network gives back with the post: LinkedIn the image URN
   * (content.media.id), X the media key (attachments.media_keys), Facebook the unpublished
   * photo's id (the attachment's target). A post is found by it alone, never by its text (two
   * posts of one account may be word for word the same). A try without one made no creating
   * call: the caller settles it as not published without asking.
   */
  reference: string;
  /** Only posts created at or after this time (a little before the publish attempt). */
  since: Date;
}

/**
 * One social network, as the engine uses it: OAuth 2 authorization code (with PKCE where the
 * network supports it), refresh, publishing one image post, and finding a post again to settle
 * a publish whose answer was lost. Every method throws the typed errors below, never a raw
 * HTTP or network error.
 */
export interface SocialNetworkAdapter {
  readonly network: SocialNetwork;
  /** False when the installation has no client id/secret for the network. */
  readonly configured: boolean;
  /** Whether the authorization request carries a PKCE challenge (S256). */
  readonly usesPkce: boolean;
  /** Whether tokens can be refreshed without the user (false for Facebook: page tokens do not expire). */
  readonly refreshable: boolean;
  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Every account the authorization grants (Facebook: each page the user manages). */
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SocialGrant[]>;
  refresh(input: { refreshToken: string }): Promise<SocialTokens>;
  publish(input: PublishRequest): Promise<PublishedPost>;
  findPublished(input: FindPublishedRequest): Promise<PublishedPost | null>;
  /**
   * Revokes the grant at the network (the partner disconnected): `revoked` once the network
   * confirmed it, `unsupported` when the network offers no revocation for this kind of token.
   * Throws the typed errors when the network refused or could not be reached.
   */
  revoke(input: { accessToken: string; refreshToken: string | null }): Promise<RevokeOutcome>;
}

export type RevokeOutcome = 'revoked' | 'unsupported';

/** Base of the errors the adapters throw. */
export abstract class SocialError extends Error {
  constructor(
    message: string,
    readonly network: SocialNetwork,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Rate limited (a 429, or Facebook's throttling codes): wait this long before the next call (Retry-After, X's x-rate-limit-reset, Facebook's usage headers). */
export class SocialRateLimited extends SocialError {
  constructor(
    network: SocialNetwork,
    readonly retryAfterSeconds: number,
    /** What the network said, when it was not a plain 429. */
    detail = '429',
  ) {
    super(`${network} asked to wait ${retryAfterSeconds} s (${detail})`, network);
  }
}

/** The token was refused (401, a revoked grant, an invalid_grant on refresh): the connection is broken until the partner connects again. */
export class SocialUnauthorized extends SocialError {}

/**
 * The publishing request was sent and its answer is unknown (no answer in time, the connection
 * dropped, a 5xx): the post may exist. Settle it with findPublished; never post blindly again.
 */
export class SocialTimeout extends SocialError {}

/** The network refused the request as such (4xx other than 401/429): retrying the same request will not help. */
export class SocialRejected extends SocialError {
  constructor(
    network: SocialNetwork,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message, network);
  }
}

/** Nothing was published (the network could not be reached, or failed before the post itself): safe to try again later. */
export class SocialUnavailable extends SocialError {}
