import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { NotFoundError } from '@tcma/errors';
import { ApiTokenRow, Found, PageWindow } from '@tcma/persistence';
import { Actor, scopeOf } from './actor';
import { generateTokenSecret } from './token-secret';
import { TokensRepository } from './tokens.repository';

export interface IssueTokenInput {
  name: string;
  /** Admins may issue a token for another user at their level (vendor or partner); others only for themselves. */
  userId?: string;
  expiresInDays?: number;
}

export interface IssuedToken {
  token: ApiTokenRow;
  /** Shown once; only its hash is stored. */
  secret: string;
}

const MS_PER_DAY = 86_400_000;

/** An admin of the actor's own level; a vendor user acting for a partner (concierge) is not its admin. */
const isAdmin = (actor: Actor): boolean =>
  !actor.concierge && (actor.role === 'vendor_admin' || actor.role === 'partner_admin');

@Injectable()
export class TokensService {
  constructor(
    private readonly tokens: TokensRepository,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Actor, input: IssueTokenInput): Promise<IssuedToken> {
    const userId = input.userId ?? actor.userId;
    // Only admins issue tokens for others, and only for users at their own level (a vendor admin for
    // the vendor's users, a partner admin for its partner's); anyone else is not found by create.
    if (userId !== actor.userId && !isAdmin(actor)) throw new NotFoundError('User');
    const secret = generateTokenSecret();
    const token = await this.tokens.create(scopeOf(actor), {
      userId,
      name: input.name.trim(),
      tokenHash: secret.hash,
      prefix: secret.prefix,
      expiresAt: input.expiresInDays ? new Date(this.clock.now().getTime() + input.expiresInDays * MS_PER_DAY) : null,
    });
    if (!token) throw new NotFoundError('User');
    return { token, secret: secret.secret };
  }

  /** Admins see every token at their level (optionally one user's); others see their own. */
  list(actor: Actor, userId: string | undefined, window: PageWindow): Promise<Found<ApiTokenRow>> {
    if (isAdmin(actor)) return this.tokens.list(scopeOf(actor), userId, window);
    if (userId && userId !== actor.userId) return Promise.resolve({ items: [], total: 0 });
    return this.tokens.list(scopeOf(actor), actor.userId, window);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const scope = scopeOf(actor);
    const token = await this.tokens.find(scope, id);
    // At their level, only admins may revoke someone else's token.
    if (!token || (!isAdmin(actor) && token.userId !== actor.userId)) throw new NotFoundError('Token');
    await this.tokens.revoke(scope, token.id, this.clock.now());
  }
}
