import { headerSafeName } from '@tcma/email-address';

export interface SenderInputs {
  /** The partner's own sender identity from its brand kit, if any; `verified` once its confirmation link was followed. */
  partnerSender: { fromName: string; fromEmail: string; replyTo: string | null; verified: boolean } | null;
  partnerCompany: string;
  partnerEmail: string | null;
  vendorName: string;
  /** Where From addresses go when the partner may not send as itself. */
  vendorDomain: string;
  /** The domain (d=) of the DKIM key that signs this partner's mail, if any. */
  dkimDomain: string | null;
}

/** Why a partner's own From address is not used: not yet confirmed, or no DKIM key of its domain. */
export type OwnSenderRefusal = 'unverified' | 'unaligned';

export interface SenderIdentity {
  from: { name: string; address: string };
  replyTo: string | null;
  /** Set when the partner has an identity of its own that this message cannot use. */
  refused: OwnSenderRefusal | null;
}

/**
 * DMARC's relaxed alignment, without a public-suffix list: the From domain is the signing
 * domain or one of its subdomains. Stricter than DMARC (a sibling subdomain of the same
 * organisation does not count), never looser.
 */
export function dkimAligned(fromAddress: string, dkimDomain: string | null): boolean {
  if (!dkimDomain) return false;
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase();
  const d = dkimDomain.toLowerCase();
  return domain === d || domain.endsWith(`.${d}`);
}

/**
 * From: the partner's own identity, only once its address was confirmed by a link mailed to it
 * (a partner may not send as the vendor's CEO) and a DKIM key of its domain signs the message
 * (DMARC-enforcing receivers reject an unaligned From). Otherwise the partner's name at the
 * vendor's domain ("Northwind IT via Acme" <partners@acme.example>). Reply-To: the partner, so
 * answers reach the people the prospect knows.
 */
export function senderIdentity(inputs: SenderInputs): SenderIdentity {
  // Names are checked where they are written; a name stored before those rules is made safe here.
  const own = inputs.partnerSender;
  const refused: OwnSenderRefusal | null = !own
    ? null
    : !own.verified
      ? 'unverified'
      : !dkimAligned(own.fromEmail, inputs.dkimDomain)
        ? 'unaligned'
        : null;
  if (own && !refused) {
    return {
      from: { name: headerSafeName(own.fromName), address: own.fromEmail },
      replyTo: own.replyTo ?? inputs.partnerEmail,
      refused: null,
    };
  }
  return {
    from: {
      name: `${headerSafeName(own?.fromName ?? inputs.partnerCompany)} via ${headerSafeName(inputs.vendorName)}`,
      address: `partners@${inputs.vendorDomain}`,
    },
    replyTo: own ? (own.replyTo ?? own.fromEmail) : inputs.partnerEmail,
    refused,
  };
}

/** What a partner is told while its own From address cannot be used (brand kit and launch readiness). */
export function ownSenderWarning(
  identity: SenderIdentity,
  ownAddress: string,
  dkimDomain: string | null,
): string | null {
  const sendsAs = `"${identity.from.name}" <${identity.from.address}>, with replies to ${identity.replyTo ?? ownAddress}`;
  if (identity.refused === 'unverified')
    return `${ownAddress} is not confirmed yet: follow the link mailed to it. Until then emails go out as ${sendsAs}.`;
  if (identity.refused === 'unaligned') {
    const domain = ownAddress.slice(ownAddress.lastIndexOf('@') + 1);
    const signer = dkimDomain ? `the DKIM key signs for ${dkimDomain}` : 'no DKIM key is configured';
    return `Receivers enforcing DMARC would reject mail from ${domain}: ${signer}. Add a DKIM key for ${domain} to this partner's sending configuration; until then emails go out as ${sendsAs}.`;
  }
  return null;
}

/** The domain of From addresses for partners that do not send as themselves (and of the engine's notices). */
export function vendorSendingDomain(
  vendor: { sendingDomain: string | null },
  config: { sendingDomain: string | undefined; publicBaseUrl: string },
): string {
  return vendor.sendingDomain ?? config.sendingDomain ?? new URL(config.publicBaseUrl).hostname;
}
