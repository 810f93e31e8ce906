import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { NotFoundError } from '@tcma/errors';
import { ApiTokenEntity } from '@tcma/persistence';
import type { Actor } from './actor';
import { generateTokenSecret } from './token-secret';
import { TokensRepository } from './tokens.repository';
import { UsersRepository } from './users.repository';

export interface IssueTokenInput {
  name: string;
  /** Admins may issue a token for another user of their vendor; others only for themselves. */
  userId?: string;
  expiresInDays?: number;
}

export interface IssuedToken {
  token: ApiTokenEntity;
  /** Shown once; only its hash is stored. */
  secret: string;
}

const MS_PER_DAY = 86_400_000;

@Injectable()
export class TokensService {
  constructor(
    private readonly tokens: TokensRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Actor, input: IssueTokenInput): Promise<IssuedToken> {
    const userId = input.userId ?? actor.userId;
    if (userId !== actor.userId) {
      const target = actor.role === 'vendor_admin' ? await this.users.findInVendor(actor.vendorId, userId) : null;
      if (!target) throw new NotFoundError('User');
    }
    const secret = generateTokenSecret();
    const token = await this.tokens.create({
      userId,
      name: input.name.trim(),
      tokenHash: secret.hash,
      prefix: secret.prefix,
      expiresAt: input.expiresInDays ? new Date(this.clock.now().getTime() + input.expiresInDays * MS_PER_DAY) : null,
    });
    return { token, secret: secret.secret };
  }

  /** Admins see every token of the vendor (optionally one user's); others see their own. */
  list(actor: Actor, userId?: string): Promise<ApiTokenEntity[]> {
    if (actor.role === 'vendor_admin') return this.tokens.listInVendor(actor.vendorId, userId);
    if (userId && userId !== actor.userId) return Promise.resolve([]);
    return this.tokens.listInVendor(actor.vendorId, actor.userId);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const token = await this.tokens.findInVendor(actor.vendorId, id);
    if (!token || (actor.role !== 'vendor_admin' && token.userId !== actor.userId)) throw new NotFoundError('Token');
    await this.tokens.revoke(token.id, this.clock.now());
  }
}
