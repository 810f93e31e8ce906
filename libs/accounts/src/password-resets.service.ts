import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { emailLower } from '@tcma/email-address';
import { GoneError, InvalidError, NotFoundError } from '@tcma/errors';
import { wordsIn } from '@tcma/locales';
import { brandedNotice, inVendorBrand, NoticeMailer } from '@tcma/notices';
import { Transactions, VendorScope } from '@tcma/persistence';
import { AccountsRepository } from './accounts.repository';
import { LinkTokens } from './link-tokens';
import { passwordRefused } from './sso-requirement';
import { PasswordLinks } from './password-links';
import { PASSWORD_RESET_EMAIL } from './password-reset-email';
import { PasswordResetsRepository } from './password-resets.repository';
import { hashPassword, passwordProblems } from './passwords';
import { SessionsRepository } from './sessions.repository';

/** One email may be a user at a few vendors; a reset request mails each of them, and no more. */
const MAX_ACCOUNTS_PER_EMAIL = 5;

/**
 * Forgotten passwords: a signed link that works once and expires (PASSWORD_RESET_TTL_MINUTES).
 * Setting a password through it ends every session of the user. The first admin's
 * set-password link (bootstrap-admin) is the same kind of link, valid as long as an invitation.
 */
@Injectable()
export class PasswordResetsService {
  private readonly logger = new Logger(PasswordResetsService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly sessions: SessionsRepository,
    private readonly links: LinkTokens,
    private readonly passwordLinks: PasswordLinks,
    private readonly notices: NoticeMailer,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Mails a reset link to every enabled user with this email (only `onlyVendorId`'s, asked on
   * that vendor's own host name); the answer is the same whether there is one or not.
   */
  async request(rawEmail: string, onlyVendorId: string | null = null): Promise<void> {
    const email = emailLower(rawEmail);
    const users = await this.accounts.activeByEmailForSystem(email, MAX_ACCOUNTS_PER_EMAIL, onlyVendorId);
    const ttlMinutes = this.config.passwordResetTtlMinutes;
    for (const user of users) {
      // A password it may not sign in with is no use to it: its provider is the way in.
      if (passwordRefused(user, user)) {
        this.logger.log(`Password reset for user ${user.id} not sent: its vendor requires single sign-on`);
        continue;
      }
      const link = await this.passwordLinks.create(user.id, ttlMinutes * 60_000);
      try {
        const scope = new VendorScope(user.vendorId);
        const brand = await this.notices.brandOf(scope);
        // Each account in its own user's language: one address may be a user at a few vendors.
        const words = wordsIn(PASSWORD_RESET_EMAIL, user.locale, { email: user.email, ttlMinutes });
        await this.notices.send(
          scope,
          brandedNotice(brand, {
            to: user.email,
            subject: words.subject,
            lead: words.lead,
            action: { label: words.action, url: inVendorBrand(link, brand) },
            after: words.after,
            locale: user.locale,
          }),
        );
      } catch (e) {
        // The answer must not tell whether the address has an account: the failure stays in the log.
        this.logger.error(`Password reset email for user ${user.id} not sent: ${(e as Error).message}`);
      }
    }
  }

  async reset(token: string, password: string): Promise<{ email: string }> {
    const hash = this.links.hashOf('password-reset', token);
    const state = hash ? await this.resets.stateForSystem(hash) : null;
    if (!hash || !state) throw new NotFoundError('Password reset link');
    const now = this.clock.now();
    if (state.usedAt) throw new GoneError('This link has already been used; ask for a new one');
    if (state.expiresAt <= now) throw new GoneError('This link has expired; ask for a new one');
    const used = await this.transactions.run(async (tx) => {
      const reset = await this.resets.useForSystem(hash, now, tx);
      if (!reset) throw new GoneError('This link has already been used; ask for a new one');
      const user = await this.accounts.findForSystem(reset.userId);
      if (!user) throw new NotFoundError('User');
      const problems = passwordProblems(password, user.email);
      if (problems.length) throw new InvalidError('The password cannot be used', problems);
      await this.accounts.setPasswordForSystem(user.id, await hashPassword(password), now, tx);
      await this.sessions.revokeAllForSystem(user.id, now, tx);
      return user;
    });
    return { email: used.email };
  }
}
