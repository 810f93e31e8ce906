import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { Actor, hashTokenSecret, looksLikeTokenSecret, tokenUseWorthRecording, TokensRepository } from '@tcma/tenancy';
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
    const found = await this.tokens.findActorForSystem(hashTokenSecret(match[1]), now);
    if (!found) return null;
    const { actor, lastUsedAt } = found;
    // Bookkeeping only: a failure here must not fail the request. Asked only when the use is
    // worth recording (once a minute), so a busy token costs one statement per request, not two.
    if (actor.credentialId && tokenUseWorthRecording(lastUsedAt, now)) {
      this.tokens
        .touchForSystem(actor.credentialId, now)
        .catch((e: Error) => this.logger.warn(`last_used_at not updated: ${e.message}`));
    }
    return actor;
  }
}
