import type { INestApplicationContext } from '@nestjs/common';
import { Actor, BootstrapService, PartnersService, UsersService } from '@tcma/tenancy';
import { randomUUID } from 'node:crypto';

export interface ServiceVendor {
  vendorId: string;
  admin: Actor;
}

export interface ServicePartner {
  partnerId: string;
  user: Actor;
}

const unique = () => randomUUID().slice(0, 8);

/**
 * Tenants for the middle tier, made by the services the API's endpoints call (bootstrap, then
 * partners and users as the vendor's admin): callers get actors, not API tokens.
 */
export class ServiceTenants {
  constructor(private readonly app: INestApplicationContext) {}

  async vendor(name = `Vendor ${unique()}`): Promise<ServiceVendor> {
    const boot = await this.app.get(BootstrapService).createVendorWithAdmin({
      vendorName: name,
      vendorSlug: `v-${unique()}`,
      adminEmail: `admin-${unique()}@vendor.example`,
      adminName: 'Admin',
    });
    return {
      vendorId: boot.vendorId,
      admin: { userId: boot.userId, vendorId: boot.vendorId, partnerId: null, role: 'vendor_admin' },
    };
  }

  async partner(
    vendor: ServiceVendor,
    fields: { companyName?: string; role?: 'partner_user' | 'partner_admin' } = {},
  ): Promise<ServicePartner> {
    const partner = await this.app.get(PartnersService).create(vendor.admin, {
      companyName: fields.companyName ?? `Partner ${unique()}`,
      tier: 'gold',
      region: 'emea',
      timezone: 'Europe/Warsaw',
    });
    const role = fields.role ?? 'partner_user';
    const user = await this.app.get(UsersService).create(vendor.admin, {
      email: `user-${unique()}@partner.example`,
      name: 'Partner user',
      role,
      partnerId: partner.id,
    });
    return { partnerId: partner.id, user: { userId: user.id, vendorId: vendor.vendorId, partnerId: partner.id, role } };
  }
}
