import { INestApplicationContext } from '@nestjs/common';
import { PasswordLinks } from '@tcma/accounts';
import { BrandKitsService } from '@tcma/brand-kits';
import {
  CampaignDraftsService,
  CampaignFilesService,
  CampaignPublishingService,
  CampaignsService,
} from '@tcma/campaigns';
import { AppConfig } from '@tcma/config';
import { Actor, BootstrapService, PartnersService, TokensService, UsersService } from '@tcma/tenancy';
import { LoadedDemo, loadDemo } from './demo-manifest';

/** A demo user as seed-demo prints it: who it is, and the one-time link that sets its password. */
export interface DemoUser {
  email: string;
  name: string;
  role: 'vendor_admin' | 'vendor_marketer' | 'partner_admin';
  /** The partner the user belongs to; null for the vendor's users. */
  partnerId: string | null;
  /** /reset-password/<token> under PUBLIC_BASE_URL: works once, for INVITATION_TTL_HOURS. */
  setPasswordUrl: string;
}

export interface SeededDemo {
  vendorId: string;
  campaignId: string;
  version: number;
  tokens: { admin: string; marketer: string };
  partners: Array<{ partnerId: string; companyName: string; token: string }>;
  /** Every demo user (vendor admin, marketer, each partner's user) with a link to set a password. */
  users: DemoUser[];
  /** How long the set-password links work (INVITATION_TTL_HOURS). */
  setPasswordHours: number;
  /** Where the web app's sign-in page is (PUBLIC_BASE_URL/sign-in). */
  signInUrl: string;
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
    const links = this.app.get(PasswordLinks);
    const config = this.app.get(AppConfig);
    const demoUsers: DemoUser[] = [];
    // The demo users have no password: each gets the link bootstrap-admin prints for a first admin.
    const withLink = async (user: Omit<DemoUser, 'setPasswordUrl'>, userId: string) =>
      demoUsers.push({ ...user, setPasswordUrl: await links.setPasswordLink(userId) });
    const admin = { email: 'admin@acme-backup.example', name: 'Ada Admin' };
    const boot = await this.app.get(BootstrapService).createVendorWithAdmin({
      vendorName: 'Acme Cloud Backup',
      vendorSlug: await this.app.get(BootstrapService).freeSlug('acme-cloud-backup'),
      adminEmail: admin.email,
      adminName: admin.name,
    });
    await withLink({ ...admin, role: 'vendor_admin', partnerId: null }, boot.userId);
    const vendorAdmin: Actor = { userId: boot.userId, vendorId: boot.vendorId, partnerId: null, role: 'vendor_admin' };
    const users = this.app.get(UsersService);
    const tokens = this.app.get(TokensService);
    const marketerUser = await users.create(vendorAdmin, {
      email: 'marketing@acme-backup.example',
      name: 'Mia Marketer',
      role: 'vendor_marketer',
    });
    await withLink(
      { email: marketerUser.email, name: marketerUser.name, role: 'vendor_marketer', partnerId: null },
      marketerUser.id,
    );
    const marketerToken = (await tokens.issue(vendorAdmin, { name: 'demo', userId: marketerUser.id })).secret;
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
        .create(vendorAdmin, { companyName: p.companyName, tier: p.tier, region: p.region, timezone: p.timezone });
      const user = await users.create(vendorAdmin, {
        email: p.user.email,
        name: p.user.name,
        role: 'partner_admin',
        partnerId: partner.id,
      });
      await withLink({ email: user.email, name: user.name, role: 'partner_admin', partnerId: partner.id }, user.id);
      // A partner's first user is its admin: it registers webhooks, sets its contacts private, invites colleagues.
      const partnerAdmin: Actor = {
        userId: user.id,
        vendorId: boot.vendorId,
        partnerId: partner.id,
        role: 'partner_admin',
      };
      // Its token is its own (a vendor admin may not mint a partner user's token).
      const token = (await tokens.issue(partnerAdmin, { name: 'demo' })).secret;
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
      users: demoUsers,
      setPasswordHours: config.invitationTtlHours,
      signInUrl: `${config.publicBaseUrl}/sign-in`,
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
