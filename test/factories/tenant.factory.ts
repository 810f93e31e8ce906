import { BootstrapService, TokensService } from '@tcma/tenancy';
import type { Role } from '@tcma/persistence';
import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '../support/api-harness';

export interface TestVendor {
  vendorId: string;
  adminToken: string;
  marketerToken: string;
}

export interface TestPartner {
  partnerId: string;
  userId: string;
  token: string;
}

const unique = () => randomUUID().slice(0, 8);

/** Creates tenants through the same paths a real installation uses: bootstrap, then the API. */
export class TenantFactory {
  constructor(private readonly api: ApiHarness) {}

  async vendor(name = `Vendor ${unique()}`): Promise<TestVendor> {
    const boot = await this.api.app.get(BootstrapService).createVendorWithAdmin({
      vendorName: name,
      vendorSlug: `v-${unique()}`,
      adminEmail: `admin-${unique()}@vendor.example`,
      adminName: 'Admin',
    });
    const marketer = await this.user(boot.token, {
      email: `marketer-${unique()}@vendor.example`,
      name: 'Marketer',
      role: 'vendor_marketer',
    });
    return { vendorId: boot.vendorId, adminToken: boot.token, marketerToken: marketer.token };
  }

  /** A partner and one user of it: a partner_user unless `role` says partner_admin (webhooks, contacts privacy, colleagues). */
  async partner(
    vendor: TestVendor,
    fields: {
      tier?: string;
      region?: string;
      companyName?: string;
      timezone?: string;
      role?: 'partner_user' | 'partner_admin';
    } = {},
  ): Promise<TestPartner> {
    const res = await this.api
      .http()
      .post('/partners')
      .set('Authorization', `Bearer ${vendor.adminToken}`)
      .send({
        companyName: fields.companyName ?? `Partner ${unique()}`,
        tier: fields.tier ?? 'gold',
        region: fields.region ?? 'emea',
        timezone: fields.timezone ?? 'Europe/Warsaw',
      })
      .expect(201);
    const user = await this.user(vendor.adminToken, {
      email: `user-${unique()}@partner.example`,
      name: 'Partner user',
      role: fields.role ?? 'partner_user',
      partnerId: res.body.id,
    });
    return { partnerId: res.body.id, userId: user.userId, token: user.token };
  }

  async user(
    adminToken: string,
    body: { email: string; name: string; role: string; partnerId?: string },
  ): Promise<{ userId: string; token: string }> {
    const created = await this.api
      .http()
      .post('/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send(body)
      .expect(201);
    // A partner user's token is its own to issue (a vendor admin may not mint one): issued here as
    // that user would, in-process, since a new user has no credential yet.
    if (body.partnerId) {
      const { vendorId } = (await this.api.http().get('/me').set('Authorization', `Bearer ${adminToken}`).expect(200))
        .body;
      const issued = await this.api.app
        .get(TokensService)
        .issue(
          { userId: created.body.id, vendorId, partnerId: body.partnerId, role: body.role as Role },
          { name: 'test' },
        );
      return { userId: created.body.id, token: issued.secret };
    }
    const token = await this.api
      .http()
      .post('/tokens')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ name: 'test', userId: created.body.id })
      .expect(201);
    return { userId: created.body.id, token: token.body.token };
  }
}
