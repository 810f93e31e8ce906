/** What the email telling a partner's users that a vendor user cancelled their post says. */
export interface PostCancelledCard {
  vendorName: string;
  /** The vendor user who acted for the partner. */
  userName: string;
  campaignName: string;
  /** "LinkedIn and X". */
  networks: string;
  /** When it was due, in the partner's zone, as a reader reads it. */
  due: string;
  calendarUrl: string;
  accountUrl: string;
}

/** The partner's look: its logo and colours, from its brand kit (as the programme emails). */
export interface PartnerLook {
  companyName: string;
  logoUrl: string | null;
  primaryColor: string | null;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** "LinkedIn", "LinkedIn and X", "LinkedIn, X and Facebook". */
export function listOfNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The email co-branded with the partner's look, the vendor named as who acted. */
export function postCancelledEmail(
  card: PostCancelledCard,
  look: PartnerLook,
): { subject: string; text: string; html: string } {
  const subject = `${card.vendorName} cancelled your scheduled ${card.networks} post “${card.campaignName}”`;
  const lines = [
    `${card.userName} of ${card.vendorName}, acting for ${look.companyName}, cancelled the ${card.networks} post of “${card.campaignName}” that was due on ${card.due}. It will not be published.`,
    `Your social calendar: ${card.calendarUrl}`,
    `Who at ${card.vendorName} acted for you, and when, is in your account's concierge log: ${card.accountUrl}`,
  ];
  const color = look.primaryColor ?? '#1f2937';
  const logo = look.logoUrl
    ? `<img src="${esc(look.logoUrl)}" alt="${esc(look.companyName)}" style="max-height:48px;max-width:200px">`
    : `<strong>${esc(look.companyName)}</strong>`;
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(subject)}</title></head>` +
    `<body style="margin:0;font-family:Helvetica,Arial,sans-serif;color:#1f2937"><div style="max-width:640px;margin:0 auto">` +
    `<div style="padding:12px 16px;border-bottom:4px solid ${esc(color)}">${logo}</div><div style="padding:0 16px 16px">` +
    `<h1 style="font-size:20px">${esc(subject)}</h1><p>${esc(lines[0])}</p>` +
    `<p><a href="${esc(card.calendarUrl)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:${esc(color)};color:#ffffff;text-decoration:none;font-weight:bold">Open your social calendar</a></p>` +
    `<p style="color:#6b7280;font-size:12px;margin-top:24px">Who at ${esc(card.vendorName)} acted for you, and when, is in <a href="${esc(card.accountUrl)}">your account's concierge log</a>.</p>` +
    `</div></div></body></html>`;
  return { subject, text: `${lines.join('\n\n')}\n`, html };
}
