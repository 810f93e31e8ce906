import { ProspectsRepository } from '@tcma/audience';
import { BrandKitsService } from '@tcma/brand-kits';
import type { StepWait } from '@tcma/campaign-model';
import { CampaignDraftsService, CampaignPublishingService, CampaignsService } from '@tcma/campaigns';
import { SendingConfigsService } from '@tcma/delivery';
import { Actor, BootstrapService, PartnersService, UsersService } from '@tcma/tenancy';
import { PartnerScope } from '@tcma/persistence';
import { emailCopyDigest } from '@tcma/translation';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import type { BenchEnv } from './bench-context';

export interface BenchTenant {
  vendorId: string;
  partnerId: string;
  admin: Actor;
  partnerActor: Actor;
  campaignId: string;
}

/**
 * A vendor, a branded partner and a published one-step campaign (the demo's first email,
 * after `wait`), created through the same services the API uses.
 */
/**
 * `tag` tells apart several tenants of one benchmark (its slug and users' addresses);
 * `languages`: the email also has a variant in each (its copy marked with the tag, as a
 * translator's file would replace it), published with it.
 */
export async function benchTenant(
  bench: BenchEnv,
  options: { wait: StepWait; smtpPort?: number; ratePerSecond?: number | null; tag?: string; languages?: string[] },
): Promise<BenchTenant> {
  const tag = options.tag ? `-${options.tag}` : '';
  const app = bench.app;
  const demo = loadDemo();
  const m = demo.manifest;
  const boot = await app.get(BootstrapService).createVendorWithAdmin({
    vendorName: 'Acme',
    vendorSlug: `acme-${process.pid}${tag}`,
    adminEmail: `admin${tag}@acme.example`,
    adminName: 'Admin',
  });
  const admin: Actor = { userId: boot.userId, vendorId: boot.vendorId, partnerId: null, role: 'vendor_admin' };
  const partner = await app
    .get(PartnersService)
    .create(admin, { companyName: 'Northwind IT Services', tier: 'gold', region: 'emea', timezone: 'Europe/Warsaw' });
  const user = await app
    .get(UsersService)
    .create(admin, { email: `z${tag}@northwind.example`, name: 'Z', role: 'partner_user', partnerId: partner.id });
  const partnerActor: Actor = { userId: user.id, vendorId: boot.vendorId, partnerId: partner.id, role: 'partner_user' };
  const { logo: _logo, ...kit } = m.partners[0].brandKit;
  await app.get(BrandKitsService).update(partnerActor, partner.id, kit);
  if (options.smtpPort)
    await app.get(SendingConfigsService).put(admin, null, {
      smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
      ratePerSecond: options.ratePerSecond === undefined ? 100_000 : options.ratePerSecond,
      sendingDomain: 'acme.example',
    });

  const drafts = app.get(CampaignDraftsService);
  const { id } = await app.get(CampaignsService).create(admin, { name: 'Bench campaign' });
  await drafts.putSlots(admin, id, m.slots);
  await drafts.putLinks(admin, id, m.links);
  const { asset } = await drafts.addEmailAsset(admin, id, {
    name: 'Welcome',
    subject: m.emails[0].subject,
    preheader: m.emails[0].preheader,
    mjml: demo.readText(m.emails[0].file),
  });
  await drafts.putSequence(admin, id, {
    steps: [{ emailAssetId: asset.id, wait: options.wait, window: null }],
    exit: { clickedLink: null, converted: false },
  });
  if (options.languages?.length)
    await drafts.edit(admin, id, undefined, (draft) => {
      const email = draft.assets.find((a) => a.id === asset.id);
      if (email?.kind !== 'email') return;
      const mark = (language: string) => ({
        subject: `[${language}] ${email.subject}`,
        preheader: `[${language}] ${email.preheader}`,
        mjml: email.mjml.replace(/<mj-text([^>]*)>/g, `<mj-text$1>[${language}] `),
        sourceDigest: emailCopyDigest(email),
        origin: 'xliff' as const,
        savedAt: new Date().toISOString(),
      });
      email.variants = Object.fromEntries(options.languages!.map((l) => [l, mark(l)]));
    });
  await app.get(CampaignPublishingService).publish(admin, id);
  return { vendorId: boot.vendorId, partnerId: partner.id, admin, partnerActor, campaignId: id };
}

/** The bench's prospect rows, p<from>…p<from+count-1>@bench.example, reading `language` (null: unknown). */
export function benchProspect(n: number, language: string | null = null) {
  return {
    email: `p${n}@bench.example`,
    emailLower: `p${n}@bench.example`,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    company: `Company ${n}, Inc.`,
    title: null,
    country: null,
    timezone: null,
    consentSource: null,
    language,
    custom: {},
  };
}

/**
 * Adds prospects straight through the repository (the import path is measured by `enroll`);
 * prospect n reads `readers[n % readers.length]` (none: every language unknown).
 */
export async function seedProspects(
  bench: BenchEnv,
  tenant: BenchTenant,
  from: number,
  count: number,
  readers: Array<string | null> = [null],
): Promise<void> {
  const prospects = bench.app.get(ProspectsRepository);
  for (let i = from; i < from + count; i += 5000) {
    await prospects.upsertMany(
      new PartnerScope(tenant.vendorId, tenant.partnerId),
      Array.from({ length: Math.min(5000, from + count - i) }, (_, k) =>
        benchProspect(i + k, readers[(i + k) % readers.length]),
      ),
    );
  }
}
