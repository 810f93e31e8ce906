import { Injectable } from '@nestjs/common';
import { BadRequestError, ConflictError, NotFoundError } from '@tcma/errors';
import { Clock } from '@tcma/clock';
import { Role, UserEntity } from '@tcma/persistence';
import type { Actor } from './actor';
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

  async create(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    let partnerId: string | null = null;
    if (input.role === 'partner_user') {
      if (!input.partnerId) throw new BadRequestError('A partner user needs a partner', [{ path: 'partnerId', message: 'partnerId is required when role is partner_user' }]);
      const partner = await this.partners.findInVendor(actor.vendorId, input.partnerId);
      if (!partner) throw new NotFoundError('Partner');
      partnerId = partner.id;
    } else if (input.partnerId) {
      throw new BadRequestError('Only partner users belong to a partner', [{ path: 'partnerId', message: `partnerId must be empty when role is ${input.role}` }]);
    }
    if (await this.users.emailTaken(actor.vendorId, email)) {
      throw new ConflictError('A user with this email already exists', [{ path: 'email', message: 'is already used by another user of this vendor' }]);
    }
    try {
      return await this.users.create({ vendorId: actor.vendorId, partnerId, email, name: input.name.trim(), role: input.role });
    } catch (e) {
      // Two requests raced past the check above; the unique index settles it.
      if ((e as { code?: string }).code === '23505') throw new ConflictError('A user with this email already exists', [{ path: 'email', message: 'is already used by another user of this vendor' }]);
      throw e;
    }
  }

  list(actor: Actor, filter: UserFilter): Promise<UserEntity[]> {
    return this.users.list(actor.vendorId, filter);
  }

  async get(actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.users.findInVendor(actor.vendorId, id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserEntity> {
    const user = await this.get(actor, id);
    if (input.disabled && user.id === actor.userId) {
      throw new ConflictError('You cannot disable yourself', [{ path: 'disabled', message: 'an admin cannot disable their own user' }]);
    }
    return this.users.update(user, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (user.disabledAt ?? this.clock.now()) : null } : {}),
    });
  }
}
