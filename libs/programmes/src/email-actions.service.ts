import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { PartnerScope, Role } from '@tcma/persistence';
import { localeOr, wordsIn, type Locale } from '@tcma/locales';
import { Actor } from '@tcma/tenancy';
import { ACTION_PAGE } from './action-page-words';
import { ActionClaim, EmailAction, EmailActionTokens } from './email-action-tokens';
import { audienceLabel } from './pending-launch-email';
import { PendingLaunchesRepository, PendingLaunchView } from './pending-launches.repository';
import { PendingLaunchesService } from './pending-launches.service';

export interface ActionPage {
  action: EmailAction;
  campaignName: string;
  /** Whom the launch reaches, in the page's language. */
  audience: string;
  state: PendingLaunchView['state'];
  /** The language of the user the email was mailed to: its pages are in it. */
  locale: Locale;
}

export type ActionResult =
  { done: true; page: ActionPage } | { done: false; page: ActionPage; /** In the page's language. */ why: string };

/**
 * The buttons of programme emails, without signing in: the token is the credential, for one
 * action on one pending launch by the user it was mailed to (who is recorded as acting).
 * Describing changes nothing (what a link scanner's GET gets); only `act` (the page's POST) acts.
 */
@Injectable()
export class EmailActionsService {
  constructor(
    private readonly tokens: EmailActionTokens,
    private readonly pending: PendingLaunchesRepository,
    private readonly pendingLaunches: PendingLaunchesService,
  ) {}

  async describe(token: string): Promise<ActionPage | null> {
    const claim = this.tokens.read(token);
    if (!claim) return null;
    const scope = new PartnerScope(claim.vendorId, claim.partnerId);
    const [found, user] = await Promise.all([
      this.pending.find(scope, claim.pendingLaunchId),
      this.pending.actingUser(scope, claim.userId),
    ]);
    return found ? page(claim, found, user?.id === claim.userId ? user.locale : null) : null;
  }

  async act(token: string): Promise<ActionResult | null> {
    const claim = this.tokens.read(token);
    if (!claim) return null;
    const scope = new PartnerScope(claim.vendorId, claim.partnerId);
    const user = await this.pending.actingUser(scope, claim.userId);
    // The user was disabled (or left the partner) since the email was sent: the link no longer works.
    if (!user || user.id !== claim.userId) return null;
    const actor: Actor = {
      userId: user.id,
      vendorId: claim.vendorId,
      partnerId: claim.partnerId,
      role: user.role satisfies Role,
    };
    try {
      const after =
        claim.action === 'launch'
          ? await this.pendingLaunches.launchNow(actor, claim.pendingLaunchId, 'email')
          : await this.pendingLaunches.skip(actor, claim.pendingLaunchId, 'email');
      return { done: true, page: page(claim, after, user.locale) };
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      if (!(e instanceof ConflictError || e instanceof InvalidError)) throw e;
      const current = await this.pending.find(scope, claim.pendingLaunchId);
      if (!current) return null;
      const shown = page(claim, current, user.locale);
      const words = wordsIn(ACTION_PAGE, shown.locale, { campaign: shown.campaignName, audience: shown.audience });
      const why =
        e instanceof InvalidError ? words.notReady(e.problems.map((p) => p.message).join('; ')) : words.notWaiting;
      return { done: false, page: shown, why };
    }
  }
}

function page(claim: ActionClaim, pl: PendingLaunchView, userLocale: string | null): ActionPage {
  const locale = localeOr(userLocale);
  return {
    action: claim.action,
    campaignName: pl.campaignName,
    audience: audienceLabel(pl.audience, locale),
    state: pl.state,
    locale,
  };
}
