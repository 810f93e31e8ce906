import { Injectable } from '@nestjs/common';
import { ProspectsService } from '@tcma/audience';
import { BrandKitsService, BrandKitView } from '@tcma/brand-kits';
import { shadeForContrast } from '@tcma/cobrand';
import { NotFoundError } from '@tcma/errors';
import { LaunchesService } from '@tcma/launches';
import { CatalogueItem, CatalogueService } from '@tcma/rendering';
import { Actor, isPartnerRole } from '@tcma/tenancy';

/** The guided set-up's steps, in the order a new partner takes them. */
// The company details come first: a campaign's co-branded preview needs the postal address its
// footer carries, so the logo's step can show the logo on a real campaign as it is chosen.
export const SETUP_STEPS = ['company', 'brand', 'sender', 'audience', 'launch'] as const;
export type SetupStepKey = (typeof SETUP_STEPS)[number];

/** White: the text a primary colour carries (buttons, headers), so the suggestion must be readable under it. */
const TEXT_ON_PRIMARY = '#ffffff';

export interface SetupStep {
  key: SetupStepKey;
  done: boolean;
}

export interface PartnerSetup {
  steps: SetupStep[];
  /** The first step not done: where the set-up opens, and resumes after being left; null when all are done. */
  next: SetupStepKey | null;
  complete: boolean;
  /**
   * A primary colour for a kit that has none yet: the logo's dominant colour, darkened until white
   * text on it is readable (WCAG AA); null without a logo, or once the kit has a primary colour.
   */
  suggestedPrimaryColor: string | null;
  /** Whether the sender address was confirmed by the link mailed to it (the launch does not wait for it). */
  senderConfirmed: boolean;
  /** How many prospects the partner has. */
  prospects: number;
  /** The campaign to launch first: the catalogue's first (promoted first, then the newest published). */
  suggestedCampaign: CatalogueItem | null;
}

/** Which steps a kit, an audience and the launches so far have done: the one place that decides it. */
export function setupSteps(kit: BrandKitView, prospects: number, launches: number): SetupStep[] {
  const done: Record<SetupStepKey, boolean> = {
    company: !!kit.email && !!kit.address,
    brand: kit.logo !== null,
    sender: kit.sender !== null,
    audience: prospects > 0,
    launch: launches > 0,
  };
  return SETUP_STEPS.map((key) => ({ key, done: done[key] }));
}

/**
 * The guided set-up a partner user is taken through after accepting an invitation: each step
 * saves through the resource it fills (the brand kit, its logo, the audience's imports, a launch),
 * so the set-up keeps nothing of its own: left half-way, it opens again at the first step not done.
 * Only the partner's own users see it; anyone else gets 404.
 */
@Injectable()
export class PartnerSetupService {
  constructor(
    private readonly brandKits: BrandKitsService,
    private readonly prospects: ProspectsService,
    private readonly launches: LaunchesService,
    private readonly catalogue: CatalogueService,
  ) {}

  async get(actor: Actor, partnerId: string): Promise<PartnerSetup> {
    if (!isPartnerRole(actor.role) || actor.partnerId !== partnerId) throw new NotFoundError('Partner');
    const [kit, prospects, launches, campaigns] = await Promise.all([
      this.brandKits.get(actor, partnerId),
      this.prospects.list(actor, partnerId, { limit: 1, offset: 0 }),
      this.launches.list(actor, { partnerId, limit: 1, offset: 0 }),
      this.catalogue.list(actor, partnerId, { limit: 1, offset: 0 }),
    ]);
    const steps = setupSteps(kit, prospects.total, launches.total);
    const next = steps.find((s) => !s.done)?.key ?? null;
    return {
      steps,
      next,
      complete: next === null,
      suggestedPrimaryColor:
        kit.logo && !kit.primaryColor ? shadeForContrast(kit.logo.dominantColor, TEXT_ON_PRIMARY) : null,
      senderConfirmed: kit.sender?.confirmed === true,
      prospects: prospects.total,
      suggestedCampaign: campaigns.items[0] ?? null,
    };
  }
}
