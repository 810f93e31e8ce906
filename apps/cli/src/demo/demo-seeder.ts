import { INestApplicationContext } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import {
  CampaignDraftsService,
  CampaignFilesService,
  CampaignPublishingService,
  CampaignsService,
} from '@tcma/campaigns';
import { Actor, BootstrapService, PartnersService, TokensService, UsersService } from '@tcma/tenancy';
import { LoadedDemo, loadDemo } from './demo-manifest';

export interface SeededDemo {
  vendorId: string;
  campaignId: string;
  version: number;
  tokens: { admin: string; marketer: string };
  partners: Array<{ partnerId: string; companyName: string; token: string }>;
}

/**
 * Loads a starter campaign from templates/ the way a vendor would build it: through the
 * same services the API uses, so the seed is validated exactly like an API client's work.
 */
export class DemoSeeder {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly demo: LoadedDemo = loadDemo(),
  ) {}

  async seed(): Promise<SeededDemo> {
    const m = this.demo.manifest;
    const boot = await this.app.get(BootstrapService).createVendorWithAdmin({
      vendorName: 'Acme Cloud Backup',
      vendorSlug: await this.app.get(BootstrapService).freeSlug('acme-cloud-backup'),
      adminEmail: 'admin@acme-backup.example',
      adminName: 'Ada Admin',
    });
    const admin: Actor = { userId: boot.userId, vendorId: boot.vendorId, partnerId: null, role: 'vendor_admin' };
    const users = this.app.get(UsersService);
    const tokens = this.app.get(TokensService);
    const marketerUser = await users.create(admin, {
      email: 'marketing@acme-backup.example',
      name: 'Mia Marketer',
      role: 'vendor_marketer',
    });
    const marketerToken = (await tokens.issue(admin, { name: 'demo', userId: marketerUser.id })).secret;
    const marketer: Actor = {
      userId: marketerUser.id,
      vendorId: boot.vendorId,
      partnerId: null,
      role: 'vendor_marketer',
    };

    const campaignId = await this.authorCampaign(marketer);
    const version = (await this.app.get(CampaignPublishingService).publish(marketer, campaignId)).version;

    const partners: SeededDemo['partners'] = [];
    for (const p of m.partners) {
      const partner = await this.app
        .get(PartnersService)
        .create(admin, { companyName: p.companyName, tier: p.tier, region: p.region, timezone: p.timezone });
      const user = await users.create(admin, {
        email: p.user.email,
        name: p.user.name,
        role: 'partner_admin',
        partnerId: partner.id,
      });
      const token = (await tokens.issue(admin, { name: 'demo', userId: user.id })).secret;
      // A partner's first user is its admin: it registers webhooks, sets its contacts private, invites colleagues.
      const partnerAdmin: Actor = {
        userId: user.id,
        vendorId: boot.vendorId,
        partnerId: partner.id,
        role: 'partner_admin',
      };
      const { logo, ...kit } = p.brandKit;
      await this.app.get(BrandKitsService).update(partnerAdmin, partner.id, kit);
      await this.app.get(BrandKitsService).setLogo(partnerAdmin, partner.id, this.demo.read(logo));
      partners.push({ partnerId: partner.id, companyName: partner.companyName, token });
    }
    return {
      vendorId: boot.vendorId,
      campaignId,
      version,
      tokens: { admin: boot.token, marketer: marketerToken },
      partners,
    };
  }

  private async authorCampaign(marketer: Actor): Promise<string> {
    const m = this.demo.manifest;
    const campaigns = this.app.get(CampaignsService);
    const drafts = this.app.get(CampaignDraftsService);
    const files = this.app.get(CampaignFilesService);
    const { id } = await campaigns.create(marketer, {
      name: m.name,
      description: m.description,
      tags: m.tags,
      language: m.language,
      eligibility: m.eligibility,
    });
    await drafts.putSlots(marketer, id, m.slots);
    await drafts.putLinks(marketer, id, m.links);
    const assetIds = new Map<string, string>();
    for (const e of m.emails) {
      assetIds.set(
        e.key,
        (
          await drafts.addEmailAsset(marketer, id, {
            name: e.name,
            subject: e.subject,
            preheader: e.preheader,
            mjml: this.demo.readText(e.file),
          })
        ).asset.id,
      );
    }
    for (const p of m.pdfs) {
      const file = await files.upload(marketer, this.demo.read(p.file));
      assetIds.set(
        p.key,
        (await drafts.addPdfAsset(marketer, id, { name: p.name, fileId: file.id, slots: p.slots })).asset.id,
      );
    }
    for (const s of m.social) {
      const file = await files.upload(marketer, this.demo.read(s.file));
      assetIds.set(
        s.key,
        (await drafts.addSocialAsset(marketer, id, { name: s.name, fileId: file.id, slots: s.slots, copy: s.copy }))
          .asset.id,
      );
    }
    if (m.page) {
      const { key, file, ...page } = m.page;
      assetIds.set(
        key,
        (await drafts.addPageAsset(marketer, id, { ...page, html: this.demo.readText(file) })).asset.id,
      );
    }
    await drafts.putSequence(marketer, id, {
      steps: m.sequence.steps.map((s) => ({
        id: s.id,
        emailAssetId: assetIds.get(s.email) ?? '',
        wait: s.wait,
        window: s.window ?? null,
      })),
      exit: m.sequence.exit,
    });
    return id;
  }
}
