import { Injectable } from '@nestjs/common';
import { Role, UserEntity } from '@tcma/persistence';
import { DataSource, EntityManager, IsNull } from 'typeorm';

export interface NewUser {
  vendorId: string;
  partnerId: string | null;
  email: string;
  name: string;
  role: Role;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: NewUser, tx?: EntityManager): Promise<UserEntity> {
    const repo = (tx ?? this.dataSource.manager).getRepository(UserEntity);
    return repo.save(repo.create({ ...input, disabledAt: null }));
  }

  findInVendor(vendorId: string, id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ vendorId, id });
  }

  emailTaken(vendorId: string, email: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ vendorId, email });
  }

  list(vendorId: string, filter: { partnerId?: string | null; role?: Role }): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({
      where: {
        vendorId,
        ...(filter.partnerId !== undefined ? { partnerId: filter.partnerId ?? IsNull() } : {}),
        ...(filter.role ? { role: filter.role } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async update(user: UserEntity, changes: Partial<Pick<UserEntity, 'name' | 'disabledAt'>>): Promise<UserEntity> {
    Object.assign(user, changes);
    return this.dataSource.getRepository(UserEntity).save(user);
  }
}
