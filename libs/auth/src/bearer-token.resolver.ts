import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { Actor, hashTokenSecret, looksLikeTokenSecret, TokensRepository } from '@tcma/tenancy';
import type { Request } from 'express';
import { CredentialResolver } from './credential-resolver';

@Injectable()
export class BearerTokenResolver implements CredentialResolver {
  private readonly logger = new Logger(BearerTokenResolver.name);

  constructor(
    private readonly tokens: TokensRepository,
    private readonly clock: Clock,
  ) {}

  async resolve(request: Request): Promise<Actor | null | undefined> {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !looksLikeTokenSecret(match[1])) return null;
    const now = this.clock.now();
    const actor = await this.tokens.findActorForSystem(hashTokenSecret(match[1]), now);
    if (actor?.credentialId) {
      // Bookkeeping only: a failure here must not fail the request.
      this.tokens
        .touchForSystem(actor.credentialId, now)
        .catch((e: Error) => this.logger.warn(`last_used_at not updated: ${e.message}`));
    }
    return actor;
  }
}
