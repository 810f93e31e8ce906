import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { NoticeMailer } from '@tcma/notices';
import { PartnerScope, VendorScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';

/** How long a confirmation link mailed to a partner's From address works. */
export const SENDER_CONFIRMATION_TTL_MS = 7 * 24 * 3_600_000;
const PURPOSE = 'sender-confirmation';

interface Claim {
  vendorId: string;
  partnerId: string;
  email: string;
  /** Expiry, epoch seconds. */
  until: number;
}

/**
 * A partner proves it owns its From address by following a link mailed to it (item 26 of the
 * outside testing: otherwise a partner could send as the vendor's CEO). The link is signed and
 * names the address, so confirming an address the partner no longer uses changes nothing; it
 * can be followed twice harmlessly, and lapses after SENDER_CONFIRMATION_TTL_MS.
 */
@Injectable()
export class SenderConfirmationsService {
  constructor(
    private readonly signer: Signer,
    private readonly brandKits: BrandKitsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notices: NoticeMailer,
  ) {}

  /** Mails the confirmation link to the address the partner wants to send from. */
  async request(scope: PartnerScope, email: string, partnerName: string): Promise<void> {
    const link = this.link(scope, email);
    const days = SENDER_CONFIRMATION_TTL_MS / 86_400_000;
    await this.notices.send(new VendorScope(scope.vendorId), {
      to: email,
      subject: `Confirm ${email} as the sender of ${partnerName}'s campaigns`,
      text:
        `${partnerName} wants campaign emails to be sent from ${email}.\n\n` +
        `If this is your address and you agree, open this link and press Confirm (within ${days} days):\n${link}\n\n` +
        `Until it is confirmed, emails go out from the vendor's address with replies to ${email}. If you did not expect this, ignore this email.`,
    });
  }

  /** The page a confirmation email links to. */
  link(scope: PartnerScope, email: string): string {
    const claim: Claim = {
      vendorId: scope.vendorId,
      partnerId: scope.partnerId,
      email,
      until: Math.floor((this.clock.now().getTime() + SENDER_CONFIRMATION_TTL_MS) / 1000),
    };
    const payload = Buffer.from(JSON.stringify(claim), 'utf8').toString('base64url');
    return `${this.config.publicBaseUrl}/sender-confirmations/${payload}.${this.signer.sign(PURPOSE, payload)}`;
  }

  /** The address a link confirms, or null when the link is not one of ours or has lapsed. */
  describe(token: string): { email: string } | null {
    const claim = this.claim(token);
    return claim ? { email: claim.email } : null;
  }

  /** Confirms the address; false when it is no longer the partner's From address. */
  async confirm(token: string): Promise<{ email: string; confirmed: boolean } | null> {
    const claim = this.claim(token);
    if (!claim) return null;
    return {
      email: claim.email,
      confirmed: await this.brandKits.confirmSender(new PartnerScope(claim.vendorId, claim.partnerId), claim.email),
    };
  }

  private claim(token: string): Claim | null {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || !this.signer.verify(PURPOSE, payload, signature)) return null;
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claim;
    return claim.until * 1000 > this.clock.now().getTime() ? claim : null;
  }
}
