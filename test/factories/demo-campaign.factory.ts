import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import type { ApiHarness } from '../support/api-harness';

export interface AuthoredCampaign {
  campaignId: string;
  version: number | null;
  assetIds: Record<string, string>;
}

/**
 * Authors the demo campaign through the HTTP API alone, as a vendor marketer would:
 * upload files, create, declare slots and links, add each asset, set the sequence, publish.
 */
export async function authorDemoCampaign(
  api: ApiHarness,
  token: string,
  options: {
    publish?: boolean;
    name?: string;
    immediate?: boolean;
    /** Only the emails and their sequence (no PDF, social image or page): the most common kind of campaign. */
    emailsOnly?: boolean;
    steps?: (steps: Array<Record<string, unknown>>) => Array<Record<string, unknown>>;
  } = {},
): Promise<AuthoredCampaign> {
  const demo = loadDemo();
  const m = demo.manifest;
  const auth = { Authorization: `Bearer ${token}` };
  const upload = async (file: string) =>
    (await api.http().post('/files').set(auth).attach('file', demo.read(file), file.split('/').pop()).expect(201)).body
      .id as string;

  const created = await api
    .http()
    .post('/campaigns')
    .set(auth)
    .send({
      name: options.name ?? m.name,
      description: m.description,
      tags: m.tags,
      language: m.language,
      eligibility: m.eligibility,
    })
    .expect(201);
  const id: string = created.body.id;
  await api.http().put(`/campaigns/${id}/slots`).set(auth).send({ slots: m.slots }).expect(200);
  await api.http().put(`/campaigns/${id}/links`).set(auth).send({ links: m.links }).expect(200);
  const assetIds: Record<string, string> = {};
  for (const e of m.emails) {
    const res = await api
      .http()
      .post(`/campaigns/${id}/assets/email`)
      .set(auth)
      .send({ name: e.name, subject: e.subject, preheader: e.preheader, mjml: demo.readText(e.file) })
      .expect(201);
    assetIds[e.key] = res.body.id;
  }
  for (const p of options.emailsOnly ? [] : m.pdfs) {
    const res = await api
      .http()
      .post(`/campaigns/${id}/assets/pdf`)
      .set(auth)
      .send({ name: p.name, fileId: await upload(p.file), slots: p.slots })
      .expect(201);
    assetIds[p.key] = res.body.id;
  }
  for (const s of options.emailsOnly ? [] : m.social) {
    const res = await api
      .http()
      .post(`/campaigns/${id}/assets/social`)
      .set(auth)
      .send({ name: s.name, fileId: await upload(s.file), slots: s.slots, copy: s.copy })
      .expect(201);
    assetIds[s.key] = res.body.id;
  }
  if (m.page && !options.emailsOnly) {
    const { key, file, ...page } = m.page;
    const res = await api
      .http()
      .post(`/campaigns/${id}/assets/page`)
      .set(auth)
      .send({ ...page, html: demo.readText(file) })
      .expect(201);
    assetIds[key] = res.body.id;
  }
  // `immediate`: every step due as soon as the one before it went, at any hour, for tests that
  // exercise delivery in real time instead of moving a clock.
  const steps = m.sequence.steps.map((s) => ({
    id: s.id,
    emailAssetId: assetIds[s.email],
    wait: options.immediate ? { type: 'duration', minutes: 0 } : s.wait,
    window: options.immediate ? null : (s.window ?? null),
  }));
  await api
    .http()
    .put(`/campaigns/${id}/sequence`)
    .set(auth)
    .send({ steps: options.steps ? options.steps(steps) : steps, exit: m.sequence.exit })
    .expect(200);
  if (options.publish === false) return { campaignId: id, version: null, assetIds };
  const published = await api.http().post(`/campaigns/${id}/publish`).set(auth).expect(201);
  return { campaignId: id, version: published.body.version, assetIds };
}
