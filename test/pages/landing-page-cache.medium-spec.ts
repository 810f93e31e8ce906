import { BrandKitsModule, BrandKitsService } from '@tcma/brand-kits';
import { ManualClock } from '@tcma/clock';
import { CampaignDraftsService, CampaignPublishingService, CampaignsModule, CampaignsService } from '@tcma/campaigns';
import { LandingPagesService, PAGE_KEEP_MS, PagesModule } from '@tcma/pages';
import { DatabaseNotices } from '@tcma/persistence';
import type { LinkDefinition, PageForm, SlotDefinition } from '@tcma/campaign-model';
import { PartnersService, TenancyModule } from '@tcma/tenancy';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ServicePartner, ServiceTenants, ServiceVendor } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { ServiceHarness, startServices } from '../support/service-harness';

const MODULES = [TenancyModule, BrandKitsModule, CampaignsModule, PagesModule];

/**
 * Landing pages are kept rendered in each API process; a change to anything a page is made of
 * shows on the next view, in every process (two service harnesses here: two API processes).
 */
describe('kept landing pages', () => {
  let one: ServiceHarness;
  let two: ServiceHarness;
  let vendor: ServiceVendor;
  let partner: ServicePartner;
  let campaignId: string;
  let pageAssetId: string;
  let address: [string, string];
  const clock = new ManualClock();
  // The demo campaign's slots, links and page, and its first partner's brand kit (templates/acme-cloud-backup).
  const DEMO = path.resolve(__dirname, '../../templates/acme-cloud-backup');
  const m = JSON.parse(fs.readFileSync(path.join(DEMO, 'campaign.json'), 'utf8')) as {
    slots: SlotDefinition[];
    links: LinkDefinition[];
    page: { name: string; title: string; file: string; noindex: boolean; form: PageForm | null };
    partners: Array<{ brandKit: Record<string, unknown> & { email: string; website: string; address: string } }>;
  };

  /** The demo partner's brand kit (a PUT: every field, the logo apart). */
  const kit = () => {
    const { logo: _logo, ...fields } = m.partners[0].brandKit;
    return fields;
  };
  const pageInput = () => {
    const { file, ...page } = m.page;
    return { ...page, html: fs.readFileSync(path.join(DEMO, file), 'utf8') };
  };
  /** Notices reach each process a moment after the commit; this waits until both heard every change so far. */
  const heard = () => Promise.all([one, two].map((h) => h.get(LandingPagesService).changesHeard()));
  const views = () => Promise.all([one, two].map((h) => h.get(LandingPagesService).view(...address)));

  beforeAll(async () => {
    [one, two] = await Promise.all([startServices(MODULES, { clock }), startServices(MODULES)]);
    const tenants = new ServiceTenants(one.app);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { companyName: 'Northwind IT Services' });
    await one.get(BrandKitsService).update(partner.user, partner.partnerId, kit());
    const drafts = one.get(CampaignDraftsService);
    campaignId = (await one.get(CampaignsService).create(vendor.admin, { name: 'Cached page' })).id;
    await drafts.putSlots(vendor.admin, campaignId, m.slots);
    await drafts.putLinks(vendor.admin, campaignId, m.links);
    pageAssetId = (await drafts.addPageAsset(vendor.admin, campaignId, pageInput())).asset.id;
    await one.get(CampaignPublishingService).publish(vendor.admin, campaignId);
    const [row] = await testDb().query<Array<{ partner: string; campaign: string }>>(
      'SELECT p.slug AS partner, c.slug AS campaign FROM partners p, campaigns c WHERE p.id = $1 AND c.id = $2',
      [partner.partnerId, campaignId],
    );
    address = [row.partner, row.campaign];
  });

  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
  });

  it('shows a brand-kit change at once, in every API process', async () => {
    await heard(); // both listening: from now on pages are kept
    for (const page of await views()) expect(page.html).toContain('Northwind');
    for (const page of await views()) expect(page.html).toContain('Northwind');
    await one
      .get(BrandKitsService)
      .update(partner.user, partner.partnerId, { ...kit(), companyName: 'Fabrikam Backup Care' });
    await heard();
    for (const page of await views()) {
      expect(page.status).toBe(200);
      expect(page.html).toContain('Fabrikam Backup Care');
      expect(page.html).not.toContain('Northwind IT Services');
    }
  });

  it('shows a new version of the page at once, in every API process', async () => {
    await views();
    await one.get(CampaignDraftsService).updatePageAsset(vendor.admin, campaignId, pageAssetId, {
      ...pageInput(),
      title: 'Brand new title for {{partner.company_name}}',
    });
    await one.get(CampaignPublishingService).publish(vendor.admin, campaignId);
    await heard();
    for (const page of await views()) expect(page.html).toContain('<title>Brand new title for');
  });

  it("shows the partner's own name again once its brand kit has none, and a page that did not exist once it does", async () => {
    await one.get(BrandKitsService).update(partner.user, partner.partnerId, { ...kit(), companyName: null });
    await one.get(PartnersService).update(vendor.admin, partner.partnerId, { companyName: 'Contoso Renamed Ltd' });
    await heard();
    for (const page of await views()) expect(page.html).toContain('Contoso Renamed Ltd');
    const other = await new ServiceTenants(one.app).partner(vendor, { companyName: 'Late Partner' });
    const [row] = await testDb().query<Array<{ slug: string }>>('SELECT slug FROM partners WHERE id = $1', [
      other.partnerId,
    ]);
    const late = () => Promise.all([one, two].map((h) => h.get(LandingPagesService).view(row.slug, address[1])));
    await heard();
    for (const page of await late()) expect(page.status).toBe(404);
    await one.get(BrandKitsService).update(other.user, other.partnerId, { ...kit(), companyName: 'Late Partner Ltd' });
    await heard();
    for (const page of await late()) expect(page.html).toContain('Late Partner Ltd');
  });

  it("serves the page in the language its address asks for, else the partner's: its title, labels, consent and thank-you, the engine's own words on its form, and the consent recorded as shown", async () => {
    const drafts = one.get(CampaignDraftsService);
    const german = {
      language: 'DE',
      title: 'Live-Demo mit {{partner.company_name}}',
      html: '<h1>Ihre Dateien, sicher in der Cloud</h1><div data-tcma-form></div>',
      form: {
        labels: { email: 'Geschäftliche E-Mail', first_name: 'Vorname' },
        consentText: 'Ich bin einverstanden, dass {{partner.company_name}} mich kontaktiert.',
        submitLabel: 'Demo buchen',
        successMessage: 'Danke: Wir melden uns innerhalb eines Werktags.',
      },
    };
    // A label for a field the form does not have is refused at it, and nothing is saved.
    await expect(
      drafts.updatePageAsset(vendor.admin, campaignId, pageAssetId, {
        ...pageInput(),
        variants: [{ ...german, form: { ...german.form, labels: { fax: 'Fax' } } }],
      }),
    ).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: 'assets[0].variants.de.form.labels.fax' })],
    });
    await drafts.updatePageAsset(vendor.admin, campaignId, pageAssetId, { ...pageInput(), variants: [german] });
    await one.get(CampaignPublishingService).publish(vendor.admin, campaignId);
    await heard();
    const service = one.get(LandingPagesService);

    const asked = await service.view(...address, 'de-AT');
    expect(asked.html).toMatch(/^<!doctype html><html lang="de">/);
    expect(asked.html).toContain('<title>Live-Demo mit Contoso Renamed Ltd</title>');
    expect(asked.html).toContain('Geschäftliche E-Mail');
    expect(asked.html).toContain('Last name'); // a field without a German label keeps the default's
    expect(asked.html).toContain('Ich bin einverstanden, dass Contoso Renamed Ltd mich kontaktiert.');
    expect(asked.html).toContain('Demo buchen');
    expect((await service.view(...address)).html).toMatch(/^<!doctype html><html lang="en">/);
    expect((await service.view(...address, 'fr')).html).toContain(
      '<title>Book a live demo with Contoso Renamed Ltd</title>',
    );
    expect(asked.etag).not.toBe((await service.view(...address)).etag);

    // The partner's language, when the address names none; in every API process.
    await one.get(PartnersService).update(vendor.admin, partner.partnerId, { language: 'de' });
    await heard();
    for (const page of await views()) expect(page.html).toContain('<title>Live-Demo mit');

    // A refused submission is answered in the page's language: the engine's own words too (de-AT reads German).
    const refused = await service.submit(
      ...address,
      undefined,
      { email: 'anna@', first_name: '', company: 'Wien GmbH' },
      { ip: '192.0.2.7', userAgent: 'test' },
      'de-AT',
    );
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Bitte korrigieren Sie die 3 unten markierten Felder.');
    expect(refused.html).toContain('muss eine E-Mail-Adresse sein, wie name@example.com');
    expect(refused.html).toContain('Vorname ist erforderlich');
    expect(refused.html).toContain('Bitte kreuzen Sie dieses Feld an, um fortzufahren');
    expect(refused.html).not.toMatch(/is required|Please/);

    // A submission is answered in the page's language, and its consent recorded in the words shown.
    const done = await service.submit(
      ...address,
      undefined,
      { email: 'anna@vienna.example', first_name: 'Anna', company: 'Wien GmbH', consent: 'yes' },
      { ip: '192.0.2.7', userAgent: 'test' },
      'de',
    );
    expect(done.status).toBe(200);
    expect(done.html).toContain('Danke: Wir melden uns innerhalb eines Werktags.');
    const [consent] = await testDb().query<Array<{ wording: string }>>(
      "SELECT c.wording FROM consent_records c JOIN prospects p ON p.id = c.prospect_id WHERE p.email = 'anna@vienna.example'",
    );
    expect(consent.wording).toBe('Ich bin einverstanden, dass Contoso Renamed Ltd mich kontaktiert.');
    await one.get(PartnersService).update(vendor.admin, partner.partnerId, { language: null });
  });

  describe('when changes may go unheard', () => {
    let names = 0;
    /** Renames the partner without a notice (triggers off for this transaction): only a page read from the database shows it. */
    const renameUnheard = async () => {
      const name = `Unheard Rename ${++names} Ltd`;
      await testDb().query(
        `BEGIN; SET LOCAL session_replication_role = replica; UPDATE partners SET company_name = '${name}' WHERE id = '${partner.partnerId}'; COMMIT`,
      );
      return name;
    };
    const viewOne = () => one.get(LandingPagesService).view(...address);
    /** The page `one` answers is read from the database: it shows a rename nobody heard of. */
    const readsTheDatabase = async () => {
      const name = await renameUnheard();
      expect((await viewOne()).html).toContain(name);
    };
    /** `one` answers from memory: a rename nobody heard of does not show. */
    const keepsThePage = async () => {
      const shown = (await viewOne()).html;
      const name = await renameUnheard();
      expect((await viewOne()).html).toBe(shown);
      expect(shown).not.toContain(name);
    };
    /** The connection `one` listens on, to make it deaf as a connection cut without a word would be. */
    const listeningConnection = () =>
      (one.get(DatabaseNotices) as unknown as { client: { query(sql: string): Promise<unknown> } }).client;

    beforeEach(async () => {
      await heard();
      await viewOne();
    });

    it('keeps a page no longer than PAGE_KEEP_MS, even when no change is heard', async () => {
      await keepsThePage();
      clock.advance(PAGE_KEEP_MS);
      await readsTheDatabase();
    });

    it('reads pages from the database once its listening connection is terminated, and keeps them again when it hears', async () => {
      await keepsThePage();
      await testDb().query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tcma-notices' AND datname = current_database()",
      );
      await one.get(DatabaseNotices).heartbeat();
      await readsTheDatabase();
      await readsTheDatabase();
      await heard();
      await viewOne();
      await keepsThePage();
    });

    it('reads pages from the database once its heartbeat goes unheard (a connection cut silently), and keeps them again when it hears', async () => {
      await keepsThePage();
      await listeningConnection().query('UNLISTEN *'); // nothing is heard any more, and no error says so
      expect(await one.get(DatabaseNotices).heartbeat(200)).toBe(false);
      expect(one.get(DatabaseNotices).live).toBe(false);
      await readsTheDatabase();
      await heard();
      await viewOne();
      await keepsThePage();
    });

    it('leaves nothing waiting after a round trip that fails or goes unheard', async () => {
      const notices = one.get(DatabaseNotices);
      const syncs = () => (notices as unknown as { syncs: Map<string, unknown> }).syncs.size;
      await expect(notices.caughtUp('x'.repeat(100))).rejects.toThrow(); // too long a channel name: pg_notify refuses it
      expect(syncs()).toBe(0);
      await expect(notices.caughtUp('tcma_nobody_listens', 100)).rejects.toThrow(
        'No database notice heard within 100 ms',
      );
      expect(syncs()).toBe(0);
    });
  });
});
