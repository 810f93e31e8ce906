import { Injectable, Logger } from '@nestjs/common';
import type { SocialAsset } from '@tcma/campaign-model';
import { BrandKitsService } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { renderSocialCopy, resolveSlotValues, SocialCopyTooLongError } from '@tcma/cobrand';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, Problem } from '@tcma/errors';
import {
  Found,
  PageWindow,
  PartnerRow,
  PartnerScope,
  SocialDeliveryStatus,
  SocialNetwork,
  Transactions,
  Tx,
} from '@tcma/persistence';
import { BroadcastChannel, Broadcasts } from '@tcma/queue';
import { assetInLanguage, missingSlots } from '@tcma/rendering';
import { zonedTimeToInstant } from '@tcma/sequences';
import { NETWORK_NAMES } from '@tcma/social';
import { Actor, isVendorUser, PartnersRepository, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { SocialLinks } from '@tcma/tracking';
import { randomUUID } from 'node:crypto';
import { ConciergeCancellations } from './concierge-cancellations.service';
import { PostingAccounts } from './posting-accounts';
import { trackSocialLinks } from './social-post-links';
import type { NewSocialPostLink, SocialPostView } from './social-post-views';
import { SocialPostsRepository } from './social-posts.repository';

/** The furthest ahead a post can be scheduled. */
export const MAX_SCHEDULE_AHEAD_DAYS = 365;
/** A local time this close to now (or a little past, the time it took to submit) is taken as "now". */
export const PAST_TOLERANCE_MS = 60_000;

/** Why a vendor user's cancel is refused outside concierge mode. */
export const VENDOR_CANCEL_REFUSED =
  'A vendor user cancels a partner’s post only acting for the partner (concierge mode), which is audited and emailed to its users';

/** The accounts a post (or a subscription's posts) go out as, per network: connection ids. */
export type ChosenAccounts = Partial<Record<SocialNetwork, string>>;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export interface CreateSocialPostInput {
  /** Vendor users post on behalf of a partner they name; partner users post for their own. */
  partnerId?: string;
  campaignId: string;
  networks: SocialNetwork[];
  /** `YYYY-MM-DDTHH:mm` in the partner's time zone; absent: now. */
  publishAt?: string;
  /** Values of slots the brand kit does not fill (as a launch's). */
  slotValues?: Record<string, string>;
  /** The partner's account per network; a network without one goes out as its default (the most recently connected). */
  accounts?: ChosenAccounts;
}

/** The partner's side of social posts: schedule one, see the calendar, cancel one before it goes out. */
@Injectable()
export class SocialPostsService {
  private readonly logger = new Logger(SocialPostsService.name);

  constructor(
    private readonly posts: SocialPostsRepository,
    private readonly partners: PartnersRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly brandKits: BrandKitsService,
    private readonly accounts: PostingAccounts,
    private readonly links: SocialLinks,
    private readonly cancellations: ConciergeCancellations,
    private readonly clock: Clock,
    private readonly broadcasts: Broadcasts,
    private readonly transactions: Transactions,
  ) {}

  async create(actor: Actor, input: CreateSocialPostInput): Promise<SocialPostView> {
    const scope = scopeOf(actor, input.partnerId);
    if (scope.partnerId === null)
      throw new InvalidError('Name the partner to post for', [
        { path: 'partnerId', message: 'is required for vendor users' },
      ]);
    const partner = await this.partners.find(scope, scope.partnerId);
    if (!partner) throw new NotFoundError('Partner');
    const now = this.clock.now();
    const dueAt = input.publishAt === undefined ? now : this.dueAt(input.publishAt, partner.timezone, now);
    const networks = [...new Set(input.networks)];
    const connected = new Set(await this.accounts.connectedNetworks(scopeOfPartner(partner)));
    const problems: Problem[] = networks
      .filter((n) => !connected.has(n))
      .map((n) => ({ path: 'networks', message: `${n} is not connected for this partner; connect it first` }));
    const accounts = input.accounts ?? {};
    problems.push(...(await this.checkAccounts(scopeOfPartner(partner), networks, accounts, 'accounts')));
    if (problems.length) throw new InvalidError('The post cannot be scheduled', problems);
    const id = await this.compose(partner, input.campaignId, networks, accounts, dueAt, input.slotValues ?? {}, {
      createdBy: actor.userId,
      source: 'manual',
      pendingLaunchId: null,
      launchId: null,
    });
    return this.get(actor, id!);
  }

  /**
   * A programme's post when its pending launch starts: the campaign's social asset, due when
   * `dueAt` says in the partner's time zone (the subscription's posting time), to the
   * subscription's networks the partner has connected. Once per pending launch (a unique key);
   * nothing when none is connected or the campaign has no social asset.
   */
  async scheduleForProgramme(input: {
    vendorId: string;
    partnerId: string;
    campaignId: string;
    pendingLaunchId: string;
    launchId: string;
    networks: SocialNetwork[];
    /** The subscription's chosen accounts (checked when chosen; one disconnected since makes its delivery fail, with the reason). */
    accounts: ChosenAccounts;
    slotValues: Record<string, string>;
    dueAt: (partnerTimeZone: string) => Date;
    /** The launch's transaction: the post commits with the launch, or neither does. */
    tx?: Tx;
  }): Promise<string | null> {
    const scope = new PartnerScope(input.vendorId, input.partnerId);
    const partner = await this.partners.find(scope, input.partnerId);
    if (!partner || !input.networks.length) return null;
    const connected = new Set(await this.accounts.connectedNetworks(scope));
    const networks = input.networks.filter((n) => connected.has(n));
    if (!networks.length) {
      this.logger.warn(
        `Pending launch ${input.pendingLaunchId}: no post, none of ${input.networks.join(', ')} is connected`,
      );
      return null;
    }
    try {
      return await this.compose(
        partner,
        input.campaignId,
        networks,
        input.accounts,
        input.dueAt(partner.timezone),
        input.slotValues,
        {
          createdBy: null,
          source: 'programme',
          pendingLaunchId: input.pendingLaunchId,
          launchId: input.launchId,
        },
        input.tx,
      );
    } catch (e) {
      // A refusal comes before any write; a failed write inside the launch's transaction has
      // spoilt it, so it fails the launch too (its pending launch stays open for the next sweep).
      if (input.tx && !(e instanceof InvalidError || e instanceof NotFoundError)) throw e;
      // The launch went ahead; the post could not be made (no social asset, missing slot): said, not thrown.
      this.logger.warn(`Pending launch ${input.pendingLaunchId}: no social post: ${(e as Error).message}`);
      return null;
    }
  }

  /** Partners see their own calendar; vendor users every partner's (or one's, named): posts are public, so partner privacy does not hide them. */
  list(
    actor: Actor,
    filter: PageWindow & {
      partnerId?: string;
      campaignId?: string;
      from?: Date;
      to?: Date;
      status?: SocialDeliveryStatus;
    },
  ): Promise<Found<SocialPostView> & { clicks: number }> {
    return this.posts.list(scopeOf(actor, filter.partnerId), filter);
  }

  async get(actor: Actor, id: string): Promise<SocialPostView> {
    const found = await this.posts.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Social post');
    return found;
  }

  /**
   * Cancels a post none of whose networks has been tried yet; 409 once one has. The partner's
   * users cancel their own; a vendor user only acting for the partner (concierge), which adds an
   * entry naming the post to the partner's audit log and tells its users by email. Its short links
   * stop redirecting at once, in every API process (each forgets them on the broadcast).
   */
  async cancel(actor: Actor, id: string): Promise<SocialPostView> {
    if (isVendorUser(actor)) throw new ForbiddenError(VENDOR_CANCEL_REFUSED);
    const found = await this.get(actor, id);
    if (found.cancelledAt) return found;
    // The cancel and a concierge's audit entry commit together: a cancel never goes unaudited.
    await this.transactions.run(async (tx) => {
      if (!(await this.posts.cancel(scopeOf(actor), id, this.clock.now(), tx)))
        throw new ConflictError('The post is already being published or was published; it can no longer be cancelled');
      if (actor.concierge) await this.cancellations.record(actor, found, tx);
    });
    await this.broadcasts.publish(BroadcastChannel.SocialLinksGone, { posts: [id] });
    const cancelled = await this.get(actor, id);
    if (actor.concierge) await this.cancellations.notify(actor, cancelled);
    return cancelled;
  }

  /**
   * The problems of a choice of accounts, each at `path.network`: the account must be one of the
   * partner's (another partner's reads as unknown), on that network, working, and the network one
   * the post goes to.
   */
  async checkAccounts(
    scope: PartnerScope,
    networks: SocialNetwork[],
    accounts: ChosenAccounts,
    path: string,
  ): Promise<Problem[]> {
    const problems: Problem[] = [];
    for (const [network, connectionId] of Object.entries(accounts) as Array<[SocialNetwork, string]>) {
      const at = `${path}.${network}`;
      const account = await this.accounts.find(scope, connectionId);
      const name = NETWORK_NAMES[network];
      if (!account) problems.push({ path: at, message: 'is not one of this partner’s social accounts' });
      else if (account.network !== network)
        problems.push({
          path: at,
          message: `${account.accountName} is a ${NETWORK_NAMES[account.network]} account, not a ${name} one`,
        });
      else if (!account.usable)
        problems.push({
          path: at,
          message: `${account.accountName} is ${account.status === 'revoked' ? 'disconnected' : 'not working'}; connect it again or choose another ${name} account`,
        });
      else if (!networks.includes(network))
        problems.push({ path: at, message: `the post does not go to ${name}; add it to the networks or leave it out` });
    }
    return problems;
  }

  /** The post's row: the campaign's social asset as offered to the partner, its copy rendered and its links tracked. */
  private async compose(
    partner: PartnerRow,
    campaignId: string,
    networks: SocialNetwork[],
    accounts: ChosenAccounts,
    dueAt: Date,
    slotValues: Record<string, string>,
    meta: {
      createdBy: string | null;
      source: 'manual' | 'programme';
      pendingLaunchId: string | null;
      launchId: string | null;
    },
    tx?: Tx,
  ): Promise<string | null> {
    const scope = scopeOfPartner(partner);
    const [version, campaign] = await Promise.all([
      this.campaigns.findPublishedForPartner(scope, partner, campaignId),
      this.campaigns.find(scope, campaignId),
    ]);
    if (!version || !campaign) throw new NotFoundError('Campaign');
    const found = version.content.assets.find((a): a is SocialAsset => a.kind === 'social');
    if (!found)
      throw new InvalidError('The campaign has nothing to post', [
        { path: 'campaignId', message: 'the campaign has no social asset' },
      ]);
    // The post in the partner's language when the campaign has it (its image follows: SocialPublisher).
    const asset = assetInLanguage(found, version.content, partner.language).asset as SocialAsset;
    const without = networks.filter((n) => !asset.copy[n]);
    if (without.length)
      throw new InvalidError(
        'The campaign has no copy for some networks',
        without.map((n) => ({ path: 'networks', message: `the campaign's social asset has no ${n} copy` })),
      );
    const brand = await this.brandKits.renderInputs(partner);
    const resolved = resolveSlotValues(version.content.slots, brand.brand, slotValues);
    if (resolved.missing.length) throw missingSlots(resolved.missing);
    let rendered: Partial<Record<SocialNetwork, string>>;
    try {
      rendered = renderSocialCopy(Object.fromEntries(networks.map((n) => [n, asset.copy[n]])), resolved.values);
    } catch (e) {
      if (e instanceof SocialCopyTooLongError)
        throw new InvalidError('The post is too long with this partner’s values', [
          { path: 'networks', message: e.message },
        ]);
      throw e;
    }
    const id = randomUUID();
    const copy: Partial<Record<SocialNetwork, string>> = {};
    const links: NewSocialPostLink[] = [];
    for (const network of networks) {
      const codes: string[] = [];
      const tracked = trackSocialLinks(
        rendered[network] ?? '',
        { network, campaign: campaign.slug, post: id.slice(0, 8) },
        (index) => this.links.url((codes[index] = this.links.newCode())),
      );
      copy[network] = tracked.text;
      for (const link of tracked.links)
        links.push({ id: codes[link.index], network, linkIndex: link.index, target: link.target });
    }
    return this.posts.create(
      scope,
      {
        id,
        vendorId: partner.vendorId,
        partnerId: partner.id,
        campaignId,
        campaignVersionId: version.id,
        version: version.version,
        assetId: asset.id,
        copy,
        dueAt,
        timeZone: partner.timezone,
        networks,
        accounts,
        links,
        ...meta,
      },
      this.clock.now(),
      tx,
    );
  }

  /** A local date-time in the partner's zone as an instant: not in the past, at most a year ahead. */
  private dueAt(local: string, zone: string, now: Date): Date {
    const m = LOCAL_DATE_TIME.exec(local);
    const fail = (message: string) =>
      new InvalidError('The publishing time is not valid', [{ path: 'publishAt', message }]);
    if (!m) throw fail('must be a local date-time YYYY-MM-DDTHH:mm');
    const [year, month, day, hour, minute] = m.slice(1).map(Number);
    const probe = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59)
      throw fail('is not a date-time that exists');
    const at = zonedTimeToInstant({ year, month, day, hour, minute }, zone);
    if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw fail(`is in the past in the partner's time zone (${zone})`);
    if (at.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 86_400_000)
      throw fail(`must be within ${MAX_SCHEDULE_AHEAD_DAYS} days`);
    return at.getTime() < now.getTime() ? now : at;
  }
}
