import { BrandKitsModule, BrandKitsService } from '@tcma/brand-kits';
import { CampaignDraftsService, CampaignPublishingService, CampaignsModule, CampaignsService } from '@tcma/campaigns';
import type { LinkDefinition, PageForm, SlotDefinition } from '@tcma/campaign-model';
import { LandingPagesService, PagesModule } from '@tcma/pages';
import { Transactions } from '@tcma/persistence';
import { TenancyModule } from '@tcma/tenancy';
import { WebhooksModule, WebhooksService } from '@tcma/webhooks';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEAD_BATCHES_IN_FLIGHT, LeadBatchWriter } from '../../libs/pages/src/lead-batch-writer';
import { ServicePartner, ServiceTenants, ServiceVendor } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { ServiceHarness, startServices } from '../support/service-harness';

/**
 * Form submissions are written by group commit (libs/pages/src/lead-batch-writer.ts): a burst of
 * registrations goes in a few transactions of one statement per table, and each registration must
 * still be recorded whole and as its own: its prospect, event, consent evidence, lead and webhook
 * deliveries; one the database refuses fails alone.
 */
describe('registrations written in batches', () => {
  let services: ServiceHarness;
  let vendor: ServiceVendor;
  let partner: ServicePartner;
  let campaignId: string;
  let address: [string, string];
  const db = testDb();
  const DEMO = path.resolve(__dirname, '../../templates/acme-cloud-backup');
  const m = JSON.parse(fs.readFileSync(path.join(DEMO, 'campaign.json'), 'utf8')) as {
    slots: SlotDefinition[];
    links: LinkDefinition[];
    page: { name: string; title: string; file: string; noindex: boolean; form: PageForm | null };
    partners: Array<{ brandKit: Record<string, unknown> }>;
  };
  const registration = (n: number, email = `visitor${n}@batch.example`) => ({
    email,
    first_name: `First${n}`,
    company: `Company ${n}`,
    consent: 'yes',
    tcma_website: '',
  });
  const submit = (n: number, email?: string) =>
    services.get(LandingPagesService).submit(...address, undefined, registration(n, email), {
      ip: `10.0.${n >> 8}.${n & 255}`,
      userAgent: 'Batch/1.0',
    });

  beforeAll(async () => {
    services = await startServices([TenancyModule, BrandKitsModule, CampaignsModule, WebhooksModule, PagesModule], {
      env: { FORM_RATE_PER_PAGE: '1000000', WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1' },
    });
    const tenants = new ServiceTenants(services.app);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { companyName: 'Northwind IT Services' });
    const { logo: _logo, ...kit } = m.partners[0].brandKit;
    await services.get(BrandKitsService).update(partner.user, partner.partnerId, kit);
    const drafts = services.get(CampaignDraftsService);
    campaignId = (await services.get(CampaignsService).create(vendor.admin, { name: 'Batched registrations' })).id;
    await drafts.putSlots(vendor.admin, campaignId, m.slots);
    await drafts.putLinks(vendor.admin, campaignId, m.links);
    const { file, ...page } = m.page;
    await drafts.addPageAsset(vendor.admin, campaignId, {
      ...page,
      html: fs.readFileSync(path.join(DEMO, file), 'utf8'),
    });
    await services.get(CampaignPublishingService).publish(vendor.admin, campaignId);
    // The vendor's endpoint: each registration is a form_submitted and a lead_created delivery to it.
    await services
      .get(WebhooksService)
      .register(vendor.admin, { url: 'http://127.0.0.1:9/hooks', eventTypes: ['form_submitted', 'lead_created'] });
    const [row] = await db.query<Array<{ partner: string; campaign: string }>>(
      'SELECT p.slug AS partner, c.slug AS campaign FROM partners p, campaigns c WHERE p.id = $1 AND c.id = $2',
      [partner.partnerId, campaignId],
    );
    address = [row.partner, row.campaign];
  });

  afterAll(async () => {
    await services?.close();
  });

  const count = async (sql: string) => (await db.query<Array<{ n: number }>>(sql, [partner.partnerId]))[0].n;

  it('records each of a burst of 60 registrations whole, in far fewer transactions, the same visitor twice as two leads of one prospect', async () => {
    const transactions = jest.spyOn(services.get(Transactions), 'run');
    const answers = await Promise.all([
      ...Array.from({ length: 58 }, (_, n) => submit(n)),
      submit(100, 'visitor0@batch.example'),
      submit(101, 'VISITOR0@batch.example'),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(60).fill(200));
    // The first few go alone, as slots free up; the rest ride shared batches.
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(LEAD_BATCHES_IN_FLIGHT + 6);
    transactions.mockRestore();

    expect(await count('SELECT count(*)::int AS n FROM prospects WHERE partner_id = $1')).toBe(58);
    expect(await count('SELECT count(*)::int AS n FROM leads WHERE partner_id = $1')).toBe(60);
    expect(await count("SELECT count(*)::int AS n FROM events WHERE partner_id = $1 AND type = 'form_submitted'")).toBe(
      60,
    );
    // Each lead is its own prospect's, with its own answers.
    const leads = await db.query<Array<{ email: string; first: string; consent: number; user_agent: string }>>(
      `SELECT p.email_lower AS email, l.fields->>'first_name' AS first,
              (SELECT count(*)::int FROM consent_records c WHERE c.prospect_id = p.id AND c.source = 'form'
                 AND c.wording LIKE 'I agree that Northwind IT Services may contact me%' AND c.ip LIKE '10.0.%') AS consent,
              (SELECT min(e.user_agent) FROM events e WHERE e.prospect_id = p.id AND e.type = 'form_submitted') AS user_agent
         FROM leads l JOIN prospects p ON p.id = l.prospect_id WHERE l.partner_id = $1`,
      [partner.partnerId],
    );
    for (const lead of leads.filter((l) => l.email !== 'visitor0@batch.example')) {
      expect(lead).toEqual({
        email: `visitor${lead.first.slice(5)}@batch.example`,
        first: lead.first,
        consent: 1,
        user_agent: 'Batch/1.0',
      });
    }
    expect(
      leads
        .filter((l) => l.email === 'visitor0@batch.example')
        .map((l) => l.first)
        .sort(),
    ).toEqual(['First0', 'First100', 'First101']);
    expect(leads.find((l) => l.email === 'visitor0@batch.example')?.consent).toBe(3);
    // One delivery of each event per registration, each lead_created naming its own lead.
    const deliveries = await db.query<Array<{ type: string; lead: string | null; email: string }>>(
      `SELECT event_type AS type, payload->'data'->>'leadId' AS lead, payload->'data'->'prospect'->>'email' AS email
         FROM webhook_deliveries WHERE partner_id = $1`,
      [partner.partnerId],
    );
    expect(deliveries.filter((d) => d.type === 'form_submitted')).toHaveLength(60);
    const created = deliveries.filter((d) => d.type === 'lead_created');
    const leadIds = await db.query<Array<{ id: string; email: string }>>(
      "SELECT id, fields->>'email' AS email FROM leads WHERE partner_id = $1",
      [partner.partnerId],
    );
    expect(created.map((d) => `${d.lead} ${d.email}`).sort()).toEqual(leadIds.map((l) => `${l.id} ${l.email}`).sort());
  });

  it('fails only the registration the database refuses; the others of its batch are written, and nothing of the refused one', async () => {
    const writer = services.get(LeadBatchWriter);
    // A real submission as the page service hands it over, to copy.
    const write = jest.spyOn(writer, 'write');
    await submit(500);
    const template = write.mock.calls[0][0];
    write.mockRestore();
    const before = await count('SELECT count(*)::int AS n FROM leads WHERE partner_id = $1');
    const transactions = jest.spyOn(services.get(Transactions), 'run');
    // Sixteen at once go as one batch; the tenth's answers hold a NUL character, which PostgreSQL refuses in JSON
    // (the page's own check refuses it first: here it stands for any statement the database refuses).
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, n) => {
        const email = `refused${n}@batch.example`;
        return writer.write({
          ...template,
          values: { ...template.values, email, ...(n === 9 ? { company: 'Nul\u0000 Ltd' } : {}) },
          prospect: { ...template.prospect, email, emailLower: email },
        });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(
      Array.from({ length: 16 }, (_, n) => (n === 9 ? 'rejected' : 'fulfilled')),
    );
    // The batch, refused as a whole, then each registration alone.
    expect(transactions.mock.calls).toHaveLength(17);
    transactions.mockRestore();
    expect(await count('SELECT count(*)::int AS n FROM leads WHERE partner_id = $1')).toBe(before + 15);
    expect(
      await db.query("SELECT id FROM prospects WHERE partner_id = $1 AND email_lower = 'refused9@batch.example'", [
        partner.partnerId,
      ]),
    ).toEqual([]);
  });
});
