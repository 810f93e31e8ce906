import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { LaunchesService, PreparedLaunch } from '@tcma/launches';
import { localeOr, type Locale, wordsIn } from '@tcma/locales';
import { brandedNotice, inVendorBrand, NoticeMailer } from '@tcma/notices';
import { PartnerScope, Transactions, VendorScope } from '@tcma/persistence';
import { CatalogueService } from '@tcma/rendering';
import { Actor, isPartnerRole, PartnersService } from '@tcma/tenancy';
import { remindAgainAt } from './remind-again';
import { ReminderTokens } from './reminder-tokens';
import { REMINDER_PAGE } from './reminder-page-words';
import { REMINDER_EMAIL } from './reminder-words';
import { RemindersRepository, ReminderRow } from './reminders.repository';

export interface SentReminder {
  id: string;
  partnerId: string;
  campaignId: string;
  campaignName: string;
  recipients: number;
  createdAt: Date;
}

/** What a reminder's page shows before its button is pressed. */
export interface ReminderPage {
  campaignName: string;
  /** The reminder's launch has started already (from this email or a colleague's). */
  launched: boolean;
  /** The language of the user it was mailed to: its pages are in it. */
  locale: Locale;
}

export type ReminderResult =
  | { done: true; page: ReminderPage; launchId: string }
  | { done: false; page: ReminderPage; status: 409 | 422; /** In the page's language. */ why: string };

/**
 * The vendor home's Remind: an idle partner's users get, in the vendor's brand and each in their
 * language, the campaign their catalogue puts first (promoted first) and a button that launches
 * it for all their prospects without signing in. The button's page asks first (a link scanner's
 * GET changes nothing); its POST launches, once per reminder, whichever user presses it first.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly partners: PartnersService,
    private readonly catalogue: CatalogueService,
    private readonly launches: LaunchesService,
    private readonly notices: NoticeMailer,
    private readonly tokens: ReminderTokens,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async remind(actor: Actor, partnerId: string): Promise<SentReminder> {
    if (isPartnerRole(actor.role)) throw new NotFoundError('Partner');
    const partner = await this.partners.get(actor, partnerId);
    if (partner.status !== 'active')
      throw new InvalidError('This partner cannot be reminded', [{ path: 'partnerId', message: 'is suspended' }]);
    const scope = new PartnerScope(partner.vendorId, partner.id);
    const now = this.clock.now();
    const last = await this.reminders.lastAt(scope);
    const again = remindAgainAt(last, now);
    if (last && again)
      throw new ConflictError(`${partner.companyName} was reminded on ${last.toISOString()}`, [
        {
          path: 'partnerId',
          message: `was reminded on ${last.toISOString()}; it may be reminded again from ${again.toISOString()}`,
        },
      ]);
    const [offer] = (await this.catalogue.list(actor, partner.id, { limit: 1, offset: 0 })).items;
    if (!offer)
      throw new InvalidError('There is nothing to remind this partner of', [
        { path: 'partnerId', message: 'has no campaign it may launch: publish one for its tier and region' },
      ]);
    const users = await this.reminders.recipients(scope);
    if (!users.length)
      throw new InvalidError('There is nobody to remind', [
        { path: 'partnerId', message: 'has no enabled user: invite one first' },
      ]);

    const vendorScope = new VendorScope(partner.vendorId);
    const brand = await this.notices.brandOf(vendorScope);
    const sent = await this.transactions.run(async (tx) => {
      const { id } = await this.reminders.create(
        scope,
        { campaignId: offer.campaignId, sentBy: actor.userId, recipients: users.length, createdAt: now },
        tx,
      );
      for (const user of users) {
        const token = this.tokens.issue({
          reminderId: id,
          vendorId: partner.vendorId,
          partnerId: partner.id,
          userId: user.id,
        });
        const words = wordsIn(REMINDER_EMAIL, user.locale, {
          vendor: brand.displayName,
          partnerName: partner.companyName,
          campaign: offer.name,
        });
        await this.notices.send(
          vendorScope,
          brandedNotice(brand, {
            to: user.email,
            subject: words.subject,
            lead: words.lead,
            action: {
              label: words.action,
              url: inVendorBrand(`${this.config.publicBaseUrl}/reminder-actions/${token}`, brand),
            },
            after: words.after,
            locale: user.locale,
          }),
        );
      }
      return id;
    });
    this.logger.log(`Reminder ${sent} sent to ${users.length} users of partner ${partner.id}`);
    return {
      id: sent,
      partnerId: partner.id,
      campaignId: offer.campaignId,
      campaignName: offer.name,
      recipients: users.length,
      createdAt: now,
    };
  }

  /** What the button's page shows (changes nothing); null for a link that is not valid (any more). */
  async describe(token: string): Promise<ReminderPage | null> {
    const found = await this.claimed(token);
    return found && page(found.reminder, found.user?.locale);
  }

  /** Launches the reminder's campaign for all the partner's prospects, as the user it was mailed to. */
  async act(token: string): Promise<ReminderResult | null> {
    const found = await this.claimed(token);
    if (!found?.user) return null;
    const { reminder, scope, user } = found;
    const shown = page(reminder, user.locale);
    const words = wordsIn(REMINDER_PAGE, shown.locale, { campaign: reminder.campaignName });
    const launched = {
      done: false,
      page: { ...shown, launched: true },
      status: 409,
      why: words.alreadyLaunched,
    } as const;
    if (reminder.launchId) return launched;
    const actor: Actor = { userId: user.id, vendorId: scope.vendorId, partnerId: scope.partnerId, role: user.role };
    let prepared: PreparedLaunch;
    try {
      prepared = await this.launches.prepare(actor, { campaignId: reminder.campaignId, audience: { type: 'all' } });
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      if (!(e instanceof InvalidError)) throw e;
      const why = words.notReady(e.problems.map((p) => p.message).join('; '));
      return { done: false, page: shown, status: 422, why };
    }
    // The launch and the reminder's claim on it commit together: a second press (or a colleague's)
    // finds the claim taken and rolls its launch back. The enrollment is queued after the commit;
    // a process that dies before leaves the launch enrolling, and the nurture sweep queues it again.
    const launch = await this.transactions
      .run(async (tx) => {
        const written = await this.launches.insert(prepared, { tx });
        if (!(await this.reminders.claimLaunch(scope, reminder.id, written.id, tx)))
          throw new ConflictError('It has already been launched.');
        return written;
      })
      .catch((e: unknown) => {
        if (e instanceof ConflictError) return null;
        throw e;
      });
    if (!launch) return launched;
    await this.launches.enroll(launch);
    return { done: true, page: { ...shown, launched: true }, launchId: launch.id };
  }

  /** The reminder a token names, and the user it was mailed to (null once disabled). */
  private async claimed(token: string) {
    const claim = this.tokens.read(token);
    if (!claim) return null;
    const scope = new PartnerScope(claim.vendorId, claim.partnerId);
    const [reminder, user] = await Promise.all([
      this.reminders.find(scope, claim.reminderId),
      this.reminders.user(scope, claim.userId),
    ]);
    return reminder && { reminder, scope, user };
  }
}

const page = (r: ReminderRow, locale: string | null | undefined): ReminderPage => ({
  campaignName: r.campaignName,
  launched: r.launchId !== null,
  locale: localeOr(locale),
});
