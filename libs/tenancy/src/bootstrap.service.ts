import { Injectable } from '@nestjs/common';
import { emailLower, normalizeDisplayName } from '@tcma/email-address';
import { ConflictError, InvalidError } from '@tcma/errors';
import { generateTokenSecret } from './token-secret';
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
  constructor(private readonly vendors: VendorsRepository) {}

  async createVendorWithAdmin(input: BootstrapInput): Promise<BootstrapResult> {
    // The vendor's name reaches the From header of partners' emails ("<partner> via <vendor>").
    const vendorName = normalizeDisplayName(input.vendorName);
    if (!vendorName.ok)
      throw new InvalidError('The vendor name is invalid', [{ path: 'vendorName', message: vendorName.message }]);
    const secret = generateTokenSecret();
    const created = await this.vendors.createWithAdminForSystem({
      vendor: { name: vendorName.value, slug: input.vendorSlug },
      admin: { email: emailLower(input.adminEmail), name: input.adminName },
      token: { name: 'bootstrap', tokenHash: secret.hash, prefix: secret.prefix, expiresAt: null },
    });
    if (!created) throw new ConflictError(`Vendor "${input.vendorSlug}" already exists`);
    return { vendorId: created.vendor.id, userId: created.userId, token: secret.secret };
  }

  /** `base`, or `base-2`, `base-3`…: the first vendor slug of the installation still free. */
  async freeSlug(base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await this.vendors.slugTakenForSystem(slug))) return slug;
    }
  }
}
