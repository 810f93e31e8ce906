import { Injectable, Module } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { LinkTokens } from './link-tokens';
import { PasswordResetsRepository } from './password-resets.repository';

/** Links to /reset-password/<token>: made here, mailed by PasswordResetsService or printed by bootstrap-admin. */
@Injectable()
export class PasswordLinks {
  constructor(
    private readonly links: LinkTokens,
    private readonly resets: PasswordResetsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, ttlMs: number): Promise<string> {
    const { token, hash } = this.links.issue('password-reset');
    await this.resets.createForSystem(userId, hash, new Date(this.clock.now().getTime() + ttlMs));
    return `${this.config.publicBaseUrl}/reset-password/${token}`;
  }

  /** The first admin's set-password link (bootstrap-admin): valid as long as an invitation. */
  setPasswordLink(userId: string): Promise<string> {
    return this.create(userId, this.config.invitationTtlHours * 3_600_000);
  }
}

/** What the CLI needs to print a set-password link: no mail, no queues. */
@Module({
  providers: [LinkTokens, PasswordResetsRepository, PasswordLinks],
  exports: [LinkTokens, PasswordResetsRepository, PasswordLinks],
})
export class PasswordLinksModule {}
