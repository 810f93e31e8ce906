import { Injectable } from '@nestjs/common';
import { ConflictError } from '@tcma/errors';
import { DataSource } from 'typeorm';
import { generateTokenSecret } from './token-secret';
import { TokensRepository } from './tokens.repository';
import { UsersRepository } from './users.repository';
import { VendorsRepository } from './vendors.repository';

export interface BootstrapInput {
  vendorName: string;
  vendorSlug: string;
  adminEmail: string;
  adminName: string;
}

export interface BootstrapResult {
  vendorId: string;
  userId: string;
  token: string;
}

/** Creates a vendor with its first admin and token, all or nothing. */
@Injectable()
export class BootstrapService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vendors: VendorsRepository,
    private readonly users: UsersRepository,
    private readonly tokens: TokensRepository,
  ) {}

  async createVendorWithAdmin(input: BootstrapInput): Promise<BootstrapResult> {
    return this.dataSource.transaction(async (tx) => {
      if (await this.vendors.slugTaken(input.vendorSlug, tx)) throw new ConflictError(`Vendor "${input.vendorSlug}" already exists`);
      const vendor = await this.vendors.create({ name: input.vendorName, slug: input.vendorSlug }, tx);
      const user = await this.users.create(
        { vendorId: vendor.id, partnerId: null, email: input.adminEmail.trim().toLowerCase(), name: input.adminName, role: 'vendor_admin' },
        tx,
      );
      const secret = generateTokenSecret();
      await this.tokens.create({ userId: user.id, name: 'bootstrap', tokenHash: secret.hash, prefix: secret.prefix, expiresAt: null }, tx);
      return { vendorId: vendor.id, userId: user.id, token: secret.secret };
    });
  }
}
