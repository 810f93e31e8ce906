import { HousekeepingModule, HousekeepingService } from '@tcma/housekeeping';
import { SsoConnectionsService, SsoModule } from '@tcma/sso';
import { TenancyModule } from '@tcma/tenancy';
import { ServiceTenants } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { startSamlIdp } from '../support/saml-idp';
import { ServiceHarness, startServices } from '../support/service-harness';

/**
 * SAML's one-time records (AuthnRequest ids awaiting their answer, used assertion ids) are kept
 * until they expire, then the sweep role's housekeeping removes them: the expired ones only.
 */
describe('housekeeping of SAML records', () => {
  let services: ServiceHarness;

  beforeAll(async () => {
    services = await startServices([TenancyModule, SsoModule, HousekeepingModule]);
  });

  afterAll(async () => {
    await services?.close();
  });

  it('removes expired AuthnRequest ids and assertion ids, and keeps those still live', async () => {
    const vendor = await new ServiceTenants(services.app).vendor();
    const idp = await startSamlIdp();
    const connection = await services.get(SsoConnectionsService).create(vendor.admin, {
      name: 'Directory',
      audience: 'vendor_users',
      protocol: 'saml',
      issuer: null,
      clientId: null,
      clientSecret: null,
      metadataUrl: null,
      metadataXml: idp.metadataXml,
      partnerClaim: null,
      roleClaim: null,
      defaultRole: null,
      enabled: true,
    });
    await idp.stop();
    for (const table of ['saml_requests (connection_id, request_id', 'saml_assertions (connection_id, assertion_id'])
      await testDb().query(
        `INSERT INTO ${table}, expires_at) VALUES ($1, 'gone', now() - interval '1 minute'), ($1, 'live', now() + interval '5 minutes')`,
        [connection.id],
      );

    const swept = await services.get(HousekeepingService).run();

    expect(swept.samlRecords).toEqual({ requests: 1, assertions: 1 });
    const left = await testDb().query<Array<{ id: string }>>(
      `SELECT request_id AS id FROM saml_requests WHERE connection_id = $1
       UNION ALL SELECT assertion_id FROM saml_assertions WHERE connection_id = $1`,
      [connection.id],
    );
    expect(left).toEqual([{ id: 'live' }, { id: 'live' }]);
  });
});
