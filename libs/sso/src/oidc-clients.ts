import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { Client, custom, Issuer } from 'openid-client';

/** An identity provider's discovery document is read again after this long. */
export const DISCOVERY_TTL_MS = 10 * 60_000;
/** Every call to an identity provider (discovery, token, user info) gives up after this long. */
export const PROVIDER_TIMEOUT_MS = 5_000;
/** ID tokens' iat/exp/nbf are accepted this far off the engine's clock. */
export const CLOCK_TOLERANCE_S = 60;
const MAX_ISSUERS = 200;

custom.setHttpOptionsDefaults({ timeout: PROVIDER_TIMEOUT_MS });

/** OpenID Connect clients (openid-client), each issuer's discovery document kept for a while. */
@Injectable()
export class OidcClients {
  private readonly issuers = new Map<string, { issuer: Issuer; until: number }>();

  constructor(private readonly clock: Clock) {}

  /** Reads the issuer's discovery document; throws when it cannot be read or names another issuer. */
  async discover(issuerUrl: string): Promise<Issuer> {
    const now = this.clock.now().getTime();
    const kept = this.issuers.get(issuerUrl);
    if (kept && kept.until > now) return kept.issuer;
    const issuer = await Issuer.discover(issuerUrl);
    if (this.issuers.size >= MAX_ISSUERS) this.issuers.delete(this.issuers.keys().next().value!);
    this.issuers.set(issuerUrl, { issuer, until: now + DISCOVERY_TTL_MS });
    return issuer;
  }

  async client(
    connection: { issuer: string; clientId: string; clientSecret: string },
    redirectUri: string,
  ): Promise<Client> {
    const issuer = await this.discover(connection.issuer);
    const client = new issuer.Client({
      client_id: connection.clientId,
      client_secret: connection.clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
    });
    client[custom.clock_tolerance] = CLOCK_TOLERANCE_S;
    return client;
  }
}
