import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import type { TestPartner, TestVendor } from '../factories/tenant.factory';
import type { ApiHarness } from './api-harness';
import { eventually } from './processes';
import { waitForQueueIdle } from './queues';
import type { WorkerHarness } from './worker-harness';

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface CrmLanding {
  campaignId: string;
  campaignName: string;
  launchId: string;
  /** The landing page's path and query, with the send in it: a form posted there is the partner's lead on the launch. */
  landing: string;
}

/**
 * What a CRM hand-off test needs before any lead: the demo campaign with its first email linking
 * to the landing page (as a campaign that collects leads does), published, launched by the
 * partner to one prospect, the email sent, its tracked link followed to the page.
 */
export async function launchedLandingPage(
  api: ApiHarness,
  worker: WorkerHarness,
  vendor: TestVendor,
  partner: TestPartner,
): Promise<CrmLanding> {
  const marketer = as(vendor.marketerToken);
  const campaignId = (await authorDemoCampaign(api, vendor.marketerToken, { publish: false })).campaignId;
  const draft = (await api.http().get(`/campaigns/${campaignId}`).set(marketer).expect(200)).body;
  const welcome = draft.draft.assets.find((a: { kind: string }) => a.kind === 'email');
  await api
    .http()
    .put(`/campaigns/${campaignId}/assets/email/${welcome.id}`)
    .set(marketer)
    .send({
      name: welcome.name,
      subject: welcome.subject,
      preheader: welcome.preheader,
      mjml: welcome.mjml.replace('href="{{links.trial}}"', 'href="{{links.page}}"'),
    })
    .expect(200);
  await api.http().post(`/campaigns/${campaignId}/publish`).set(marketer).expect(201);
  const p = as(partner.token);
  const base = `/partners/${partner.partnerId}`;
  await api
    .http()
    .put(`${base}/brand-kit`)
    .set(p)
    .send({ email: 'p@partner.example', website: 'https://p.example', address: '1 Main St, Springfield' })
    .expect(200);
  await api.http().post(`${base}/prospects`).set(p).send({ email: 'reader@people.example' }).expect(201);
  const launchId = (
    await api
      .http()
      .post('/launches')
      .set(p)
      .send({ campaignId, audience: { type: 'all' } })
      .expect(202)
  ).body.id;
  await eventually(
    async () => ((await api.http().get(`/launches/${launchId}`).set(p)).body.status === 'active' ? true : undefined),
    'enrollment',
  );
  await worker.app.get(SweepService).sweep();
  await waitForQueueIdle(worker.app, QueueName.Send);
  const [message] = (await api.http().get('/outbox').set(p).expect(200)).body.items as Array<{ id: string }>;
  const html = (await api.http().get(`/outbox/${message.id}/html`).set(p).expect(200)).text;
  const click = new URL(/href="([^"]+\/c\/[^"]+&amp;n=page)"/.exec(html)![1].replace(/&amp;/g, '&'));
  const redirect = await api
    .http()
    .get(click.pathname + click.search)
    .set('User-Agent', 'Mozilla/5.0 Safari/605')
    .expect(302);
  const page = new URL(redirect.headers.location);
  const campaignName = (await api.http().get(`/campaigns/${campaignId}`).set(marketer).expect(200)).body.name;
  return { campaignId, campaignName, launchId, landing: page.pathname + page.search };
}
