import { Injectable, Logger } from '@nestjs/common';
import { BrandKitsService, BrandState } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { renderEmail } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import { NoticeMailer } from '@tcma/notices';
import { PartnerRow, PartnerScope, VendorScope } from '@tcma/persistence';
import { EmailRenderService, sampleRecipient } from '@tcma/rendering';
import { PartnersRepository } from '@tcma/tenancy';
import { EmailActionTokens } from './email-action-tokens';
import { digestEmail, PartnerLook, PendingLaunchCard, pendingLaunchEmail } from './pending-launch-email';
import { OPEN_STATES, PendingLaunchesRepository, PendingLaunchView } from './pending-launches.repository';
import { PendingLaunchStarter } from './pending-launch-starter.service';

/** The most pending launches one digest shows (the rest are counted). */
export const DIGEST_MAX_ITEMS = 10;

/**
 * Tells a partner's users about pending launches, through the engine's own notices (the
 * vendor's delivery, else SMTP_URL, else the outbox): the partner's logo and colours, the
 * campaign's first email rendered with its brand kit, and the signed buttons.
 */
@Injectable()
export class PendingLaunchNotifier {
  private readonly logger = new Logger(PendingLaunchNotifier.name);

  constructor(
    private readonly pending: PendingLaunchesRepository,
    private readonly starter: PendingLaunchStarter,
    private readonly partners: PartnersRepository,
    private readonly brandKits: BrandKitsService,
    private readonly campaigns: CampaignsRepository,
    private readonly emails: EmailRenderService,
    private readonly notices: NoticeMailer,
    private readonly tokens: EmailActionTokens,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Mails every active user of the partner about one pending launch, each in their language, once (a retried job finds it notified). */
  async notify(pendingLaunchId: string): Promise<{ sent: number }> {
    const found = await this.pending.findForSystem(pendingLaunchId);
    if (!found || found.notifiedAt || !OPEN_STATES.includes(found.state)) return { sent: 0 };
    const partner = await this.partners.findForSystem(found.partnerId);
    if (!partner) return { sent: 0 };
    const scope = new PartnerScope(found.vendorId, found.partnerId);
    const users = await this.pending.recipients(scope);
    if (!users.length) return { sent: 0 };

    // Not ready: it waits from now on, and the email says what is missing.
    const asUser = {
      userId: users[0].id,
      vendorId: found.vendorId,
      partnerId: found.partnerId,
      role: 'partner_user' as const,
    };
    const missing = await this.starter.missing(found, asUser);
    const now = this.clock.now();
    let pl = found;
    if (Array.isArray(missing) && missing.length) {
      await this.pending.waitForReadiness(scope, found.id, missing, found.dueAt, now);
      pl = { ...found, state: 'waiting_readiness', missing };
    }
    const brand = await this.brandKits.brandState(partner);
    const look = this.look(partner, brand);
    const preview = await this.preview(pl, brand);
    for (const user of users) {
      const email = pendingLaunchEmail(this.card(pl, user.id, preview), look, user.locale);
      await this.notices.send(new VendorScope(found.vendorId), { to: user.email, ...email });
    }
    await this.pending.markNotified(scope, found.id, now);
    return { sent: users.length };
  }

  /** The weekly digest for one partner: its open pending launches, soonest first. */
  async digest(scope: PartnerScope): Promise<{ sent: number }> {
    const partner = await this.partners.findForSystem(scope.partnerId);
    if (!partner) return { sent: 0 };
    const open = await this.pending.list(scope, { states: [...OPEN_STATES], limit: DIGEST_MAX_ITEMS, offset: 0 });
    if (!open.total) return { sent: 0 };
    const users = await this.pending.recipients(scope);
    const brand = await this.brandKits.brandState(partner);
    const look = this.look(partner, brand);
    // The first campaign's co-branded preview; the others by name (an email of ten full emails is unreadable).
    const firstPreview = await this.preview(open.items[0], brand);
    for (const user of users) {
      const cards = open.items.map((pl, i) =>
        this.card(pl, user.id, i === 0 ? firstPreview : { html: null, subject: null }),
      );
      await this.notices.send(new VendorScope(scope.vendorId), {
        to: user.email,
        ...digestEmail(cards, open.total, look, user.locale),
      });
    }
    return { sent: users.length };
  }

  private card(
    pl: PendingLaunchView,
    userId: string,
    preview: { html: string | null; subject: string | null },
  ): PendingLaunchCard {
    const claim = { pendingLaunchId: pl.id, vendorId: pl.vendorId, partnerId: pl.partnerId, userId };
    const base = this.config.publicBaseUrl;
    return {
      campaignName: pl.campaignName,
      programmeName: pl.programmeName,
      dueAt: pl.dueAt,
      audience: pl.audience,
      missing: pl.missing,
      launchUrl: `${base}/programme-actions/${this.tokens.issue({ ...claim, action: 'launch' })}`,
      skipUrl: `${base}/programme-actions/${this.tokens.issue({ ...claim, action: 'skip' })}`,
      editUrl: `${base}/portal/programmes?pending=${encodeURIComponent(pl.id)}`,
      previewHtml: preview.html,
      previewSubject: preview.subject,
    };
  }

  private look(partner: PartnerRow, brand: BrandState): PartnerLook {
    return {
      companyName: brand.brand.companyName ?? partner.companyName,
      logoUrl: brand.brand.logoUrl,
      primaryColor: brand.brand.primaryColor,
      timeZone: partner.timezone,
    };
  }

  /** The campaign's first email, rendered the way the partner's prospects would get it (to the sample recipient). */
  private async preview(
    pl: PendingLaunchView,
    brand: BrandState,
  ): Promise<{ html: string | null; subject: string | null }> {
    const version = await this.campaigns.findVersionForSystem(pl.campaignVersionId);
    const firstStep = version?.content.sequence?.steps[0];
    const asset = version?.content.assets.find((a) => a.id === firstStep?.emailAssetId);
    if (!version || !asset || asset.kind !== 'email') return { html: null, subject: null };
    try {
      const compiled = await this.emails.compiled(version.id, version.content, asset, brand, pl.slotValues);
      const rendered = renderEmail(compiled, sampleRecipient(this.config.publicBaseUrl));
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(rendered.html)?.[1] ?? rendered.html;
      return { html: body, subject: rendered.subject };
    } catch (e) {
      // A required slot still empty: the email says what is missing instead of a preview.
      this.logger.debug?.(`No preview for pending launch ${pl.id}: ${(e as Error).message}`);
      return { html: null, subject: null };
    }
  }
}
