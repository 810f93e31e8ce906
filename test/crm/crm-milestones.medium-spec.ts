import { CampaignsModule, CampaignsService } from '@tcma/campaigns';
import { ManualClock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import {
  CrmActivitySyncService,
  CrmConnectionsService,
  CrmLedger,
  CrmMilestones,
  CrmModule,
  CrmSweepService,
  CrmSyncService,
  STALE_SYNCING_MS,
} from '@tcma/crm';
import { ConversionsService, EngagementModule, EngagementService } from '@tcma/engagement';
import { PartnerScope, Transactions } from '@tcma/persistence';
import { RedisClient } from '@tcma/queue';
import { Actor, TenancyModule } from '@tcma/tenancy';
import { SETTLE_MS } from '@tcma/tracking';
import { ServicePartner, ServiceTenants, ServiceVendor } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { HubspotStub, startHubspotStub } from '../support/hubspot-stub';
import { SalesforceStub, startSalesforceStub } from '../support/salesforce-stub';
import { ServiceHarness, startServices } from '../support/service-harness';

const HUMAN = 'Mozilla/5.0 (Macintosh) Safari/605';

/**
 * Engagement milestones into CRMs, in-process against HubSpot's and Salesforce's stand-ins: a
 * prospect whose lead is in its partner's CRM clicks an email link, visits the landing page and
 * converts, and each becomes one timeline activity on the lead's contact (a HubSpot note, a
 * Salesforce Task) naming the campaign, step and partner; in the vendor's own CRM only for a
 * partner sharing its contacts. Machines' clicks are no milestones; a milestone is written once
 * whatever is judged or run twice, after a lost answer (found by its marker), a rate limit, a
 * dead worker, or while its lead waits to be written.
 */
describe('CRM milestones: clicks, landing-page visits and conversions on the lead’s contact, once', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  const db = testDb();
  let hubspot: HubspotStub;
  let salesforce: SalesforceStub;
  let services: ServiceHarness;
  let vendor: ServiceVendor;
  let sharing: ServicePartner;
  let keeping: ServicePartner;
  let campaignId: string;
  const campaignName = 'Cloud backup in a week';
  const launches = new Map<string, string>();
  const partnerHub = '71000001';
  const vendorHub = '72000002';

  const connect = async (actor: Actor, provider: 'hubspot' | 'salesforce') => {
    const crm = services.get(CrmConnectionsService);
    const { authorizationUrl, stateCookie } = crm.start(actor, provider);
    const authorize = await fetch(authorizationUrl, { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location')!);
    expect(await crm.callback(provider, Object.fromEntries(back.searchParams), stateCookie)).toContain(
      `connected=${provider}`,
    );
  };

  /** A prospect of the partner on its launch, sent email step 1 a minute ago, and its lead (from the page) now, handed to the CRMs. */
  const prospectWithLead = async (partner: ServicePartner, email: string, options: { sync?: boolean } = {}) => {
    const launchId = launches.get(partner.partnerId)!;
    const ids = [vendor.vendorId, partner.partnerId];
    const [prospect] = await db.query<Array<{ id: string }>>(
      'INSERT INTO prospects (vendor_id, partner_id, email, email_lower) VALUES ($1, $2, $3, $3) RETURNING id',
      [...ids, email],
    );
    const [enrollment] = await db.query<Array<{ id: string }>>(
      'INSERT INTO enrollments (vendor_id, partner_id, launch_id, prospect_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [...ids, launchId, prospect.id],
    );
    const send = async (step: number) =>
      (
        await db.query<Array<{ id: string }>>(
          `INSERT INTO sends (vendor_id, partner_id, launch_id, enrollment_id, prospect_id, step, status, due_at, claimed_at, sent_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'sent', $7, $7, $7) RETURNING id`,
          [...ids, launchId, enrollment.id, prospect.id, step, new Date(clock.now().getTime() - 60_000)],
        )
      )[0].id;
    const sendId = await send(0);
    const [lead] = await db.query<Array<{ id: string }>>(
      `INSERT INTO leads (vendor_id, partner_id, prospect_id, campaign_id, campaign_version, send_id, created_at)
       VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id`,
      [...ids, prospect.id, campaignId, sendId, clock.now()],
    );
    const recordIds = await services
      .get(Transactions)
      .run((tx) =>
        services
          .get(CrmLedger)
          .record(
            new PartnerScope(vendor.vendorId, partner.partnerId),
            [{ leadId: lead.id, campaignId, launchId }],
            clock.now(),
            tx,
          ),
      );
    if (options.sync !== false)
      for (const id of recordIds) expect(await services.get(CrmSyncService).sync(id)).toBe('written');
    /** A click of the send's link (a person's unless told), `afterMs` after now. */
    const click = async (
      linkName: string,
      afterMs: number,
      hit: { method?: string; userAgent?: string; sendId?: string } = {},
    ) =>
      (
        await db.query<Array<{ id: string }>>(
          `INSERT INTO events (vendor_id, partner_id, prospect_id, send_id, launch_id, step, type, occurred_at, method, user_agent, link_name, link_index)
           SELECT $1, $2, $3, s.id, s.launch_id, s.step, 'clicked', $5, $6, $7, $8, $9 FROM sends s WHERE s.id = $4 RETURNING id`,
          [
            ...ids,
            prospect.id,
            hit.sendId ?? sendId,
            new Date(clock.now().getTime() + afterMs),
            hit.method ?? 'GET',
            hit.userAgent ?? HUMAN,
            linkName,
            linkName === 'page' ? 0 : 1,
          ],
        )
      )[0].id;
    return { prospectId: prospect.id, leadId: lead.id, recordIds, sendId, send, click };
  };

  /** The judge runs once its clicks have settled. */
  const judge = async (afterMs = 5 * 60_000) => {
    clock.advance(afterMs + SETTLE_MS);
    return services.get(EngagementService).process(clock.now());
  };
  const activitiesOf = (email: string) =>
    db.query<
      Array<{
        id: string;
        kind: string;
        status: string;
        attempts: number;
        uncertain: boolean;
        account: string;
        last_error: string | null;
      }>
    >(
      `SELECT a.id, a.kind, a.status, a.attempts, a.uncertain, c.account_id AS account, a.last_error
         FROM crm_activities a JOIN crm_connections c ON c.id = a.connection_id
         JOIN crm_records r ON r.id = a.record_id JOIN leads l ON l.id = r.lead_id JOIN prospects p ON p.id = l.prospect_id
        WHERE p.email_lower = $1 ORDER BY a.occurred_at, c.account_id`,
      [email],
    );
  /** Every due activity's job, one after the other, as the CRM worker runs them. */
  const runDue = async () => {
    const due = await db.query<Array<{ id: string }>>(
      "SELECT id FROM crm_activities WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY occurred_at, id",
      [clock.now()],
    );
    const outcomes: string[] = [];
    for (const { id } of due) outcomes.push(await services.get(CrmActivitySyncService).sync(id));
    return outcomes;
  };
  const contactOf = (hub: string, email: string) =>
    hubspot.contacts.find((c) => c.hubId === hub && c.properties.email === email)!;
  const notesOn = (hub: string, email: string) => {
    const contact = contactOf(hub, email);
    return contact ? hubspot.notes.filter((n) => n.contactIds.includes(contact.id)) : [];
  };

  beforeAll(async () => {
    hubspot = await startHubspotStub();
    salesforce = await startSalesforceStub();
    hubspot.now = () => clock.now().getTime();
    salesforce.now = () => clock.now().getTime();
    services = await startServices([TenancyModule, CampaignsModule, CrmModule, EngagementModule], {
      clock,
      env: { ...hubspot.env(), ...salesforce.env() },
    });
    const tenants = new ServiceTenants(services.app);
    vendor = await tenants.vendor();
    sharing = await tenants.partner(vendor, { companyName: 'Northwind Partners', role: 'partner_admin' });
    keeping = await tenants.partner(vendor, { companyName: 'Fabrikam Private', role: 'partner_admin' });
    await db.query('UPDATE partners SET contacts_private = true WHERE id = $1', [keeping.partnerId]);
    campaignId = (await services.get(CampaignsService).create(vendor.admin, { name: campaignName })).id;
    const [version] = await db.query<Array<{ id: string }>>(
      "INSERT INTO campaign_versions (campaign_id, content, version) VALUES ($1, '{}'::jsonb, 1) RETURNING id",
      [campaignId],
    );
    for (const partner of [sharing, keeping]) {
      const [launch] = await db.query<Array<{ id: string }>>(
        `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, audience, start_at, timezone, version, status)
         VALUES ($1, $2, $3, $4, '{"type":"all"}', $5, 'Europe/Warsaw', 1, 'active') RETURNING id`,
        [vendor.vendorId, partner.partnerId, campaignId, version.id, clock.now()],
      );
      launches.set(partner.partnerId, launch.id);
    }
    hubspot.hubId = partnerHub;
    await connect(sharing.user, 'hubspot');
    hubspot.hubId = vendorHub;
    await connect(vendor.admin, 'hubspot');
    await connect(keeping.user, 'salesforce');
  });

  afterAll(async () => {
    await services?.close();
    await hubspot?.stop();
    await salesforce?.stop();
  });

  it('writes a person’s email click, landing-page visit and conversion as three notes on the contact, in the partner’s HubSpot and the vendor’s', async () => {
    const email = 'marta@people.example';
    const p = await prospectWithLead(sharing, email);
    expect(notesOn(partnerHub, email)).toHaveLength(1); // the lead's own note
    await p.click('trial', 60_000);
    await p.click('trial', 120_000); // the send's second click: counted once
    await p.click('page', 180_000);
    await p.click('page', 240_000); // a second visit from the same email is no new milestone
    await judge();
    await services.get(ConversionsService).record(sharing.user, { email });
    await judge(0);

    const rows = await activitiesOf(email);
    expect(rows.map((r) => `${r.account} ${r.kind}`).sort()).toEqual(
      [partnerHub, vendorHub]
        .flatMap((hub) => ['clicked', 'converted', 'page_visited'].map((k) => `${hub} ${k}`))
        .sort(),
    );
    expect(await runDue()).toEqual(Array(6).fill('written'));
    for (const hub of [partnerHub, vendorHub]) {
      const notes = notesOn(hub, email).slice(1);
      expect(notes).toHaveLength(3);
      expect(notes[0].body).toContain(`Clicked trial in email step 1 of “${campaignName}”`);
      expect(notes[1].body).toContain(`Visited the landing page of “${campaignName}”`);
      expect(notes[2].body).toContain(`Converted on “${campaignName}”`);
      for (const note of notes) {
        expect(note.body).toContain('partner: Northwind Partners');
        expect(note.body).toMatch(/tcma-event-\d+-(clicked|page_visited|converted)/);
      }
      expect(notes[0].body).toContain(
        `${email} clicked the link “trial” in email step 1 of the campaign “${campaignName}”`,
      );
      expect(notes[1].body).toContain('visited the landing page from email step 1 of the campaign');
      expect(notes[2].body).toContain(`${email} converted on the campaign “${campaignName}”`);
    }
    // The partner sees its record's milestones and their state.
    const [connection] = await services.get(CrmConnectionsService).list(sharing.user);
    const records = await services
      .get(CrmConnectionsService)
      .recordsOf(sharing.user, connection.id, {}, { limit: 10, offset: 0 });
    expect(records.items.find((r) => r.email === email)?.activities).toEqual({ written: 3, pending: 0, failed: 0 });
  });

  it('writes nothing for a machine’s clicks, and once when the same events are judged again or a job runs twice', async () => {
    const email = 'scanned@people.example';
    const p = await prospectWithLead(sharing, email);
    const second = await p.send(1);
    await p.click('trial', 60_000, { method: 'HEAD', sendId: second });
    await p.click('page', 90_000, { userAgent: 'Barracuda Sentinel (EE)', sendId: second });
    await judge();
    expect(
      await db.query('SELECT machine FROM events WHERE prospect_id = $1 ORDER BY occurred_at', [p.prospectId]),
    ).toEqual([{ machine: 'head_request' }, { machine: 'scanner_user_agent' }]);
    expect(await activitiesOf(email)).toEqual([]);

    await p.click('trial', 60_000);
    await judge();
    expect((await activitiesOf(email)).map((r) => r.kind)).toEqual(['clicked', 'clicked']);
    // Judged a second time (another judge took it as well): no second milestone.
    await db.query('UPDATE events SET processed_at = NULL WHERE prospect_id = $1', [p.prospectId]);
    await judge(0);
    const [event] = await db.query<Array<{ id: string; occurred_at: Date }>>(
      "SELECT id, occurred_at FROM events WHERE prospect_id = $1 AND type = 'clicked' AND machine IS NULL",
      [p.prospectId],
    );
    const again = await services
      .get(Transactions)
      .run((tx) =>
        services
          .get(CrmMilestones)
          .recordForSystem([{ eventId: event.id, at: event.occurred_at, kind: 'clicked' }], clock.now(), tx),
      );
    expect(again).toEqual([]);
    const rows = await activitiesOf(email);
    expect(rows).toHaveLength(2);
    expect(await runDue()).toEqual(['written', 'written']);
    // Each job once more (a duplicate job, a retried one): the claim says no.
    for (const row of rows) expect(await services.get(CrmActivitySyncService).sync(row.id)).toBe('skipped');
    expect(notesOn(partnerHub, email)).toHaveLength(2);
    expect(notesOn(vendorHub, email)).toHaveLength(2);
  });

  it('settles a lost answer by finding the note by its marker, and waits out a 429 as told without counting a try', async () => {
    const email = 'lost@people.example';
    const p = await prospectWithLead(sharing, email);
    await p.click('trial', 60_000);
    await judge();
    const [mine] = (await activitiesOf(email)).filter((r) => r.account === partnerHub);
    // The note is written, its answer lost.
    hubspot.failNext('server_error', { path: /^\/crm\/v3\/objects\/notes$/, when: 'after' });
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('retry');
    expect(notesOn(partnerHub, email)).toHaveLength(2);
    expect((await activitiesOf(email)).find((r) => r.id === mine.id)).toMatchObject({
      status: 'pending',
      uncertain: true,
      attempts: 1,
    });
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('skipped'); // not due yet
    const searches = hubspot.callsTo(/\/notes\/search$/).length;
    clock.advance(10_000);
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('written');
    expect(hubspot.callsTo(/\/notes\/search$/).length).toBe(searches + 1);
    expect(notesOn(partnerHub, email)).toHaveLength(2);

    // The vendor's: HubSpot's rate limit, 30 s.
    const [theirs] = (await activitiesOf(email)).filter((r) => r.account === vendorHub);
    hubspot.failNext('rate_limited', { path: /^\/crm\/v3\/objects\/notes$/, retryAfterSeconds: 30 });
    expect(await services.get(CrmActivitySyncService).sync(theirs.id)).toBe('retry');
    expect((await activitiesOf(email)).find((r) => r.id === theirs.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      uncertain: false,
    });
    clock.advance(29_000);
    expect(await services.get(CrmActivitySyncService).sync(theirs.id)).toBe('skipped');
    clock.advance(1_000);
    expect(await services.get(CrmActivitySyncService).sync(theirs.id)).toBe('written');
    expect(notesOn(vendorHub, email)).toHaveLength(2);
  });

  it('keeps a private partner’s milestones out of the vendor’s CRM, and writes them to its Salesforce as Tasks', async () => {
    const email = 'kept@people.example';
    const p = await prospectWithLead(keeping, email);
    expect(p.recordIds).toHaveLength(1);
    await p.click('trial', 60_000);
    await p.click('page', 180_000);
    await judge();
    await services.get(ConversionsService).record(keeping.user, { email });
    await judge(0);
    expect(
      (await activitiesOf(email)).map((r) => `${r.account === salesforce.orgId ? 'salesforce' : r.account} ${r.kind}`),
    ).toEqual(['salesforce clicked', 'salesforce page_visited', 'salesforce converted']);
    expect(await runDue()).toEqual(['written', 'written', 'written']);
    const lead = salesforce.leads.find((l) => l.fields.Email === email)!;
    const tasks = salesforce.tasks.filter((t) => t.WhoId === lead.Id).slice(1);
    expect(tasks.map((t) => t.Subject)).toEqual([
      expect.stringMatching(
        new RegExp(`^Clicked trial in email step 1 of “${campaignName}” \\[tcma-event-\\d+-clicked\\]$`),
      ),
      expect.stringMatching(/^Visited the landing page of “.+” \[tcma-event-\d+-page_visited\]$/),
      expect.stringMatching(/^Converted on “.+” \[tcma-event-\d+-converted\]$/),
    ]);
    for (const task of tasks) expect(task.Description).toContain('partner: Fabrikam Private');
    expect(hubspot.contacts.filter((c) => c.properties.email === email)).toEqual([]);
    expect(hubspot.notes.filter((n) => n.body.includes(email))).toEqual([]);
  });

  it('waits for the lead’s contact, and takes back a dead worker’s claim, settled by the marker, and queues all again after Redis lost its queues', async () => {
    const email = 'early@people.example';
    const p = await prospectWithLead(sharing, email, { sync: false });
    await p.click('trial', 60_000);
    await judge();
    const [first] = (await activitiesOf(email)).filter((r) => r.account === partnerHub);
    expect(await services.get(CrmActivitySyncService).sync(first.id)).toBe('retry');
    expect((await activitiesOf(email)).find((r) => r.id === first.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      last_error: 'Waiting for its lead to be written',
    });
    expect(contactOf(partnerHub, email)).toBeUndefined();
    // The lead written: its milestones are due at once.
    for (const id of p.recordIds) expect(await services.get(CrmSyncService).sync(id)).toBe('written');
    expect(await runDue()).toEqual(['written', 'written']);
    expect(notesOn(partnerHub, email)).toHaveLength(2);

    // A worker wrote the note and died before it could say so.
    await db.query(
      "UPDATE crm_activities SET status = 'syncing', claimed_by = 'gone-worker', claimed_at = $2, crm_activity_id = NULL WHERE id = $1",
      [first.id, new Date(clock.now().getTime() - STALE_SYNCING_MS - 1000)],
    );
    const swept = await services.get(CrmSweepService).sweep();
    expect(swept.reclaimed).toBe(1);
    expect(swept.queued).toBeGreaterThanOrEqual(1);
    expect((await activitiesOf(email)).find((r) => r.id === first.id)).toMatchObject({
      status: 'pending',
      uncertain: true,
    });
    expect(await services.get(CrmActivitySyncService).sync(first.id)).toBe('written');
    expect(notesOn(partnerHub, email)).toHaveLength(2);

    // Redis lost its queues: the queued activity is queued again.
    await p.click('page', 60_000);
    await judge();
    const visits = (await activitiesOf(email)).filter((r) => r.kind === 'page_visited');
    expect(visits).toHaveLength(2);
    const config = services.get(AppConfig);
    await services.get(RedisClient).redis.del(`${config.queuePrefix}:crm-queue-epoch`);
    const afterLoss = await services.get(CrmSweepService).sweep();
    expect(afterLoss.requeuedAfterLoss).toBe(2);
    expect(afterLoss.queued).toBe(2);
  });

  it('fails a milestone the CRM refuses, shows it on its record, and tries it again with the record’s retry', async () => {
    const email = 'refused@people.example';
    const p = await prospectWithLead(sharing, email);
    await p.click('trial', 60_000);
    await judge();
    const [mine] = (await activitiesOf(email)).filter((r) => r.account === partnerHub);
    hubspot.failNext('bad_request', { path: /^\/crm\/v3\/objects\/notes$/ });
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('failed');
    const crm = services.get(CrmConnectionsService);
    const [connection] = await crm.list(sharing.user);
    const record = async () =>
      (await crm.recordsOf(sharing.user, connection.id, {}, { limit: 50, offset: 0 })).items.find(
        (r) => r.email === email,
      )!;
    expect(await record()).toMatchObject({ status: 'written', activities: { written: 0, pending: 0, failed: 1 } });
    // Another partner's user cannot retry it.
    await expect(crm.retry(keeping.user, (await record()).id)).rejects.toThrow('not found');
    await crm.retry(sharing.user, (await record()).id);
    expect((await record()).activities).toEqual({ written: 0, pending: 1, failed: 0 });
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('written');
    expect((await record()).activities).toEqual({ written: 1, pending: 0, failed: 0 });
    expect(notesOn(partnerHub, email)).toHaveLength(2);
    // Nothing failed any more: retrying again is a 404.
    await expect(crm.retry(sharing.user, (await record()).id)).rejects.toThrow('not found');
  });

  it('holds a milestone when its CRM answers 401 twice, breaking the connection, and writes it once connected again', async () => {
    const email = 'revoked@people.example';
    const p = await prospectWithLead(sharing, email);
    await p.click('trial', 60_000);
    await judge();
    const [mine] = (await activitiesOf(email)).filter((r) => r.account === partnerHub);
    // A refresh between the two: the second 401 is with a new token.
    hubspot.failNext('unauthorized', { path: /^\/crm\/v3\/objects\/notes$/, times: 2 });
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('held');
    const [connection] = await services.get(CrmConnectionsService).list(sharing.user);
    expect(connection.status).toBe('broken');
    expect((await activitiesOf(email)).find((r) => r.id === mine.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(notesOn(partnerHub, email)).toHaveLength(1);
    hubspot.hubId = partnerHub;
    await connect(sharing.user, 'hubspot');
    // Due at once, though it was held for a day.
    expect(await services.get(CrmActivitySyncService).sync(mine.id)).toBe('written');
    expect(notesOn(partnerHub, email)).toHaveLength(2);
  });
});
