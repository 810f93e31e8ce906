import { Injectable } from '@nestjs/common';
import { emailLower } from '@tcma/email-address';
import { BadRequestError, ConflictError, NotFoundError } from '@tcma/errors';
import { Clock } from '@tcma/clock';
import type { Locale } from '@tcma/locales';
import { changedFields, Found, PageWindow, PartnerScope, Role, UserRow } from '@tcma/persistence';
import { Actor, isPartnerRole, scopeOf, selfOf } from './actor';
import { PartnersRepository } from './partners.repository';
import { UsersRepository } from './users.repository';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  partnerId?: string | null;
}

export interface UpdateUserInput {
  name?: string;
  disabled?: boolean;
}

/** What users change about themselves: their language (null: the browser's). */
export interface OwnProfileInput {
  locale?: Locale | null;
}

export interface UserFilter {
  partnerId?: string;
  role?: Role;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly partners: PartnersRepository,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateUserInput): Promise<UserRow> {
    const scope = scopeOf(actor);
    const email = emailLower(input.email);
    let partnerId: string | null = null;
    if (isPartnerRole(input.role)) {
      if (!input.partnerId)
        throw new BadRequestError('A partner user needs a partner', [
          { path: 'partnerId', message: 'partnerId is required when role is partner_user' },
        ]);
      const partner = await this.partners.find(scope, input.partnerId);
      if (!partner) throw new NotFoundError('Partner');
      partnerId = partner.id;
    } else if (input.partnerId) {
      throw new BadRequestError('Only partner users belong to a partner', [
        { path: 'partnerId', message: `partnerId must be empty when role is ${input.role}` },
      ]);
    }
    if (await this.users.emailTaken(scope, email)) {
      throw new ConflictError('A user with this email already exists', [
        { path: 'email', message: 'is already used by another user of this vendor' },
      ]);
    }
    try {
      return await this.users.create(scope, { partnerId, email, name: input.name.trim(), role: input.role });
    } catch (e) {
      // Two requests raced past the check above; the unique index settles it.
      if ((e as { code?: string }).code === '23505')
        throw new ConflictError('A user with this email already exists', [
          { path: 'email', message: 'is already used by another user of this vendor' },
        ]);
      throw e;
    }
  }

  list(actor: Actor, filter: UserFilter & PageWindow): Promise<Found<UserRow>> {
    return this.users.list(scopeOf(actor), filter);
  }

  /**
   * A partner's users (its admins: their colleagues; vendor admins: any of their partners').
   * 404 for a partner out of the actor's reach, as for every partner page.
   */
  async listOfPartner(actor: Actor, partnerId: string, page: PageWindow): Promise<Found<UserRow>> {
    const scope = scopeOf(actor, partnerId);
    const partner = await this.partners.find(scope, partnerId);
    if (!partner) throw new NotFoundError('Partner');
    return this.users.list(new PartnerScope(actor.vendorId, partner.id), { partnerId: partner.id, ...page });
  }

  async get(actor: Actor, id: string): Promise<UserRow> {
    const user = await this.users.find(scopeOf(actor), id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /**
   * The signed-in user's own row: in concierge mode the vendor user's own, not the partner's
   * (whose portal the tab shows).
   */
  own(actor: Actor): Promise<UserRow> {
    return this.get(selfOf(actor), actor.userId);
  }

  /** Users change their own profile only; the API has checked the language against @tcma/locales. */
  async updateOwn(actor: Actor, input: OwnProfileInput): Promise<UserRow> {
    const self = selfOf(actor);
    const user = await this.get(self, actor.userId);
    const updated = await this.users.update(
      scopeOf(self),
      user.id,
      changedFields(user, input.locale !== undefined ? { locale: input.locale } : {}),
    );
    if (!updated) throw new NotFoundError('User');
    return updated;
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserRow> {
    const user = await this.get(actor, id);
    if (input.disabled && user.id === actor.userId) {
      throw new ConflictError('You cannot disable yourself', [
        { path: 'disabled', message: 'an admin cannot disable their own user' },
      ]);
    }
    const updated = await this.users.update(
      scopeOf(actor),
      user.id,
      changedFields(user, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.disabled !== undefined
          ? { disabledAt: input.disabled ? (user.disabledAt ?? this.clock.now()) : null }
          : {}),
      }),
    );
    if (!updated) throw new NotFoundError('User');
    return updated;
  }
}
