import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import type { Clock } from '@tcma/clock';
import type { SamlRepository } from './saml.repository';

/**
 * node-saml's store of the AuthnRequest ids it sent, for one connection, over Postgres: the
 * `InResponseTo` of an answer must name one, once. What node-saml keeps as the value (the
 * request's instant) is given back as the instant the row's lifetime started.
 */
export class SamlRequestCache implements CacheProvider {
  constructor(
    private readonly repository: SamlRepository,
    private readonly connectionId: string,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    const now = this.clock.now();
    await this.repository.savePendingRequestForSystem(this.connectionId, key, new Date(now.getTime() + this.ttlMs));
    return { value, createdAt: now.getTime() };
  }

  async getAsync(key: string): Promise<string | null> {
    const expiresAt = await this.repository.pendingRequestForSystem(this.connectionId, key, this.clock.now());
    return expiresAt ? new Date(expiresAt.getTime() - this.ttlMs).toISOString() : null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    if (key === null) return null;
    return (await this.repository.removePendingRequestForSystem(this.connectionId, key)) ? key : null;
  }
}
