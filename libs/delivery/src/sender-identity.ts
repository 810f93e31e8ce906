export interface SenderInputs {
  /** The partner's own sender identity from its brand kit, if any. */
  partnerSender: { fromName: string; fromEmail: string; replyTo: string | null } | null;
  partnerCompany: string;
  partnerEmail: string | null;
  vendorName: string;
  /** Where From addresses go when the partner has no identity of its own. */
  vendorDomain: string;
}

export interface SenderIdentity {
  from: { name: string; address: string };
  replyTo: string | null;
}

/**
 * From: the partner's own identity; otherwise the partner's name at the vendor's domain
 * ("Northwind IT via Acme" <partners@acme.example>). Reply-To: the partner, so answers reach
 * the people the prospect knows.
 */
export function senderIdentity(inputs: SenderInputs): SenderIdentity {
  if (inputs.partnerSender) {
    return { from: { name: inputs.partnerSender.fromName, address: inputs.partnerSender.fromEmail }, replyTo: inputs.partnerSender.replyTo ?? inputs.partnerEmail };
  }
  return { from: { name: `${inputs.partnerCompany} via ${inputs.vendorName}`, address: `partners@${inputs.vendorDomain}` }, replyTo: inputs.partnerEmail };
}
