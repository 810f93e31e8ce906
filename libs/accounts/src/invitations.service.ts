import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { emailLower } from '@tcma/email-address';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  NotFoundError,
  Problem,
} from '@tcma/errors';
import { type Locale, wordsIn } from '@tcma/locales';
import { brandedNotice, inVendorBrand, NoticeMailer } from '@tcma/notices';
import { InvitationRow, PartnerRow, Role, Transactions, VendorScope } from '@tcma/persistence';
import { Actor, isPartnerRole, PartnersService, scopeOf, UsersService } from '@tcma/tenancy';
import { INVITATION_EMAIL } from './invitation-email';
import { InvitationPreviews } from './invitation-preview';
import { InvitationDetails, InvitationFilter, InvitationsRepository } from './invitations.repository';
import { LinkTokens } from './link-tokens';
import { hashPassword, passwordProblems } from './passwords';

export interface InviteInput {
  email: string;
  role: Role;
  partnerId?: string | null;
  /** The invitee's language; none: the email is in the inviter's, and the new user's follows the browser. */
  locale?: Locale | null;
}

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
}

export interface InvitationPreview {
  email: string;
  role: Role;
  vendorName: string;
  partnerName: string | null;
  expiresAt: Date;
}

const MAX_NAME_LENGTH = 200;

/**
 * Users join by invitation: a vendor admin invites vendor users and partners' users, a partner
 * admin invites colleagues of its own partner. The email carries a signed link that works once
 * and expires (INVITATION_TTL_HOURS); accepting it sets the user's name and password.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly partners: PartnersService,
    private readonly users: UsersService,
    private readonly links: LinkTokens,
    private readonly notices: NoticeMailer,
    private readonly previews: InvitationPreviews,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Creates the invitation and emails it; when the email cannot be sent, nothing is kept. */
  async invite(actor: Actor, input: InviteInput): Promise<InvitationRow> {
    const email = emailLower(input.email);
    const { partner, partnerId, partnerName } = await this.partnerOf(actor, input);
    if (await this.invitations.emailTaken(new VendorScope(actor.vendorId), email)) {
      throw new ConflictError('A user with this email already exists', [
        { path: 'email', message: 'is already used by another user of this vendor' },
      ]);
    }
    const now = this.clock.now();
    const { token, hash } = this.links.issue('invitation');
    const expiresAt = new Date(now.getTime() + this.config.invitationTtlHours * 3_600_000);
    const locale = input.locale ?? null;
    // Without a language chosen, the invitee most likely reads the inviter's (a partner admin's colleague).
    const emailLocale = locale ?? (await this.users.own(actor)).locale;
    // A partner's user sees the partner's first campaign with its own name before doing anything.
    const preview = partner && (await this.previews.forPartner(partner));
    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.create(
        scopeOf(actor),
        { partnerId, email, role: input.role, tokenHash: hash, invitedBy: actor.userId, expiresAt, locale },
        now,
        tx,
      );
      const scope = new VendorScope(actor.vendorId);
      // The vendor's display name (its brand), never the engine's: see NoticeMailer.
      const brand = await this.notices.brandOf(scope);
      const vendor = brand.displayName;
      const link = inVendorBrand(`${this.config.publicBaseUrl}/invitations/${token}`, brand);
      const words = wordsIn(INVITATION_EMAIL, emailLocale, { vendor, partnerName, role: input.role, expiresAt });
      await this.notices.send(
        scope,
        brandedNotice(brand, {
          to: email,
          subject: words.subject,
          lead: words.lead,
          action: { label: words.action, url: link },
          after: words.after,
          locale: emailLocale,
          ...(preview && {
            preview: { label: words.previewOf(preview.campaignName, preview.sampled), html: preview.html },
          }),
        }),
      );
      this.logger.log(`Invitation ${invitation.id} sent for vendor ${actor.vendorId}`);
      return invitation;
    });
  }

  list(actor: Actor, filter: InvitationFilter): Promise<{ items: InvitationRow[]; total: number }> {
    return this.invitations.list(scopeOf(actor), filter, this.clock.now());
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    if (!(await this.invitations.revoke(scopeOf(actor), id, this.clock.now())))
      throw new NotFoundError('Pending invitation');
  }

  /** What the invitation page shows before the invitee chooses a password. */
  async preview(token: string): Promise<InvitationPreview> {
    const found = await this.usable(token);
    return {
      email: found.email,
      role: found.role,
      vendorName: found.vendorName,
      partnerName: found.partnerName,
      expiresAt: found.expiresAt,
    };
  }

  /** Creates the user with the chosen name and password; the link is then used up. */
  async accept(input: AcceptInvitationInput): Promise<{ email: string }> {
    const found = await this.usable(input.token);
    const name = input.name.trim();
    const problems: Problem[] = [];
    if (!name || name.length > MAX_NAME_LENGTH)
      problems.push({ path: 'name', message: `must be 1 to ${MAX_NAME_LENGTH} characters` });
    problems.push(...passwordProblems(input.password, found.email));
    if (problems.length) throw new InvalidError('The name or password cannot be used', problems);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    try {
      await this.transactions.run(async (tx) => {
        const invitation = await this.invitations.acceptForSystem(found.tokenHash, now, tx);
        if (!invitation) throw new GoneError('This invitation link has already been used');
        await this.invitations.createUserForSystem(invitation, { name, passwordHash, passwordChangedAt: now }, tx);
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw new ConflictError('A user with this email already exists; sign in instead', [
          { path: 'email', message: 'already has an account' },
        ]);
      throw e;
    }
    return { email: found.email };
  }

  /** The invitation a link names, if it may still be accepted; else why not (404 unknown, 410 used, withdrawn or expired). */
  private async usable(token: string): Promise<InvitationDetails> {
    const hash = this.links.hashOf('invitation', token);
    const found = hash ? await this.invitations.findByTokenForSystem(hash) : null;
    if (!found) throw new NotFoundError('Invitation');
    if (found.acceptedAt) throw new GoneError('This invitation link has already been used; sign in instead');
    if (found.revokedAt) throw new GoneError('This invitation was withdrawn; ask for a new one');
    if (found.expiresAt <= this.clock.now()) throw new GoneError('This invitation link has expired; ask for a new one');
    return found;
  }

  /** The partner the invitee joins, by the inviter's rights: a partner admin invites into its own partner only. */
  private async partnerOf(
    actor: Actor,
    input: InviteInput,
  ): Promise<{ partner: PartnerRow | null; partnerId: string | null; partnerName: string | null }> {
    if (isPartnerRole(actor.role)) {
      if (actor.role !== 'partner_admin' || actor.concierge)
        throw new ForbiddenError('Only partner admins invite colleagues');
      if (!isPartnerRole(input.role))
        throw new ForbiddenError('A partner admin invites partner users and partner admins only', [
          { path: 'role', message: 'must be partner_user or partner_admin' },
        ]);
      if (input.partnerId && input.partnerId !== actor.partnerId) throw new NotFoundError('Partner');
      const partner = await this.partners.get(actor, actor.partnerId ?? '');
      return { partner, partnerId: partner.id, partnerName: partner.companyName };
    }
    if (actor.role !== 'vendor_admin') throw new ForbiddenError('Only vendor admins invite users');
    if (isPartnerRole(input.role)) {
      if (!input.partnerId)
        throw new BadRequestError('A partner user needs a partner', [
          { path: 'partnerId', message: `partnerId is required when role is ${input.role}` },
        ]);
      const partner = await this.partners.get(actor, input.partnerId);
      return { partner, partnerId: partner.id, partnerName: partner.companyName };
    }
    if (input.partnerId)
      throw new BadRequestError('Only partner users belong to a partner', [
        { path: 'partnerId', message: `partnerId must be empty when role is ${input.role}` },
      ]);
    return { partner: null, partnerId: null, partnerName: null };
  }
}
