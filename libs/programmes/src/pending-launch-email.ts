import type { AudienceSpec, MissingItem } from '@tcma/persistence';

/** One pending launch as an email shows it. */
export interface PendingLaunchCard {
  campaignName: string;
  programmeName: string;
  dueAt: Date;
  audience: AudienceSpec;
  missing: MissingItem[];
  launchUrl: string;
  skipUrl: string;
  editUrl: string;
  /** The first email of the campaign, co-branded for the partner (the body of its HTML), or null when it cannot be rendered yet. */
  previewHtml: string | null;
  previewSubject: string | null;
}

/** The partner's look: its logo and colours, from its brand kit. */
export interface PartnerLook {
  companyName: string;
  logoUrl: string | null;
  primaryColor: string | null;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** "all your prospects", "your saved list", "the prospects of your filter". */
export function audienceLabel(audience: AudienceSpec): string {
  if (audience.type === 'all') return 'all your prospects';
  if (audience.type === 'list') return 'your saved list';
  return 'your filtered prospects';
}

const when = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

const button = (href: string, label: string, color: string) =>
  `<a href="${esc(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;background:${esc(color)};color:#ffffff;text-decoration:none;font-weight:bold">${esc(label)}</a>`;

function cardHtml(card: PendingLaunchCard, look: PartnerLook): string {
  const color = look.primaryColor ?? '#1f2937';
  const waiting = card.missing.length
    ? `<p style="padding:8px 12px;background:#fff7ed;border-left:4px solid #f97316">It waits until you fix: ${card.missing.map((m) => esc(m.message)).join('; ')}.</p>`
    : `<p>It starts by itself on ${esc(when(card.dueAt))} for ${esc(audienceLabel(card.audience))} unless you skip it.</p>`;
  const preview = card.previewHtml
    ? `<div style="margin-top:16px;border:1px solid #d1d5db;border-radius:6px;padding:8px"><p style="margin:0 0 8px;color:#6b7280;font-size:13px">Preview of the first email${card.previewSubject ? `: “${esc(card.previewSubject)}”` : ''}, with your brand</p>${card.previewHtml}</div>`
    : '';
  return (
    `<h2 style="font-size:18px;margin:16px 0 4px">${esc(card.campaignName)}</h2>` +
    `<p style="margin:0 0 8px;color:#6b7280">From the programme ${esc(card.programmeName)}</p>` +
    waiting +
    `<p>${button(card.launchUrl, `Launch now for ${audienceLabel(card.audience)}`, color)}${button(card.skipUrl, 'Skip', '#6b7280')}${button(card.editUrl, 'Edit in portal', '#374151')}</p>` +
    preview
  );
}

function cardText(card: PendingLaunchCard): string {
  const state = card.missing.length
    ? `It waits until you fix: ${card.missing.map((m) => m.message).join('; ')}.`
    : `It starts by itself on ${when(card.dueAt)} for ${audienceLabel(card.audience)} unless you skip it.`;
  return `${card.campaignName} (programme ${card.programmeName})\n${state}\n\nLaunch now for ${audienceLabel(card.audience)}: ${card.launchUrl}\nSkip: ${card.skipUrl}\nEdit in portal: ${card.editUrl}\n`;
}

function page(look: PartnerLook, title: string, body: string): string {
  const color = look.primaryColor ?? '#1f2937';
  const logo = look.logoUrl
    ? `<img src="${esc(look.logoUrl)}" alt="${esc(look.companyName)}" style="max-height:48px;max-width:200px">`
    : `<strong>${esc(look.companyName)}</strong>`;
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
    `<body style="margin:0;font-family:Helvetica,Arial,sans-serif;color:#1f2937"><div style="max-width:640px;margin:0 auto">` +
    `<div style="padding:12px 16px;border-bottom:4px solid ${esc(color)}">${logo}</div><div style="padding:0 16px 16px">` +
    `<h1 style="font-size:20px">${esc(title)}</h1>${body}` +
    `<p style="color:#6b7280;font-size:12px;margin-top:24px">The buttons open a page that asks you to confirm; nothing happens until you do.</p></div></div></body></html>`
  );
}

/** The email telling a partner's user about one pending launch. */
export function pendingLaunchEmail(
  card: PendingLaunchCard,
  look: PartnerLook,
): { subject: string; text: string; html: string } {
  const subject = card.missing.length
    ? `${card.campaignName} is waiting for your brand kit`
    : `${card.campaignName} is ready to launch for ${look.companyName}`;
  return { subject, text: `${subject}\n\n${cardText(card)}`, html: page(look, subject, cardHtml(card, look)) };
}

/** The weekly digest: every pending launch waiting for a partner that has not launched in a while. */
export function digestEmail(
  cards: PendingLaunchCard[],
  total: number,
  look: PartnerLook,
): { subject: string; text: string; html: string } {
  const subject = `${total} new campaign${total === 1 ? ' is' : 's are'} ready for you`;
  const more = total > cards.length ? `\n…and ${total - cards.length} more in the portal.` : '';
  return {
    subject,
    text: `${subject}\n\n${cards.map(cardText).join('\n')}${more}`,
    html: page(
      look,
      subject,
      cards.map((c) => cardHtml(c, look)).join('<hr style="border:0;border-top:1px solid #e5e7eb;margin:24px 0">') +
        (more ? `<p>${esc(more.trim())}</p>` : ''),
    ),
  };
}
