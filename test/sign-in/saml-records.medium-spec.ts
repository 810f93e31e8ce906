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

  it('removes expired AuthnRequest ids, assertion ids and refusals past 30 days, and keeps those still live', async () => {
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
    // A refusal past its 30 days, and one of yesterday.
    await testDb().query(
      `INSERT INTO sso_refusals (vendor_id, connection_id, reason, detail, created_at)
       VALUES ($1, $2, 'provider', 'old', now() - interval '31 days'), ($1, $2, 'provider', 'recent', now() - interval '1 day')`,
      [vendor.vendorId, connection.id],
    );

    const swept = await services.get(HousekeepingService).run();

    expect(swept.samlRecords).toEqual({ requests: 1, assertions: 1, refusals: 1 });
    const left = await testDb().query<Array<{ id: string }>>(
      `SELECT request_id AS id FROM saml_requests WHERE connection_id = $1
       UNION ALL SELECT assertion_id FROM saml_assertions WHERE connection_id = $1`,
      [connection.id],
    );
    expect(left).toEqual([{ id: 'live' }, { id: 'live' }]);
    expect(await testDb().query('SELECT detail FROM sso_refusals WHERE connection_id = $1', [connection.id])).toEqual([
      { detail: 'recent' },
    ]);
  });
});
