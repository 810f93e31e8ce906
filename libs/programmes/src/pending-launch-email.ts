import { emailCount, emailDateTime, wordsIn, type Locale, localeOr } from '@tcma/locales';
import type { AudienceSpec, MissingItem } from '@tcma/persistence';
import { PENDING_LAUNCH_EMAIL, type PendingLaunchWords } from './pending-launch-words';

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

/** The partner's look: its logo and colours, from its brand kit; and its time zone, which start times are written in. */
export interface PartnerLook {
  companyName: string;
  logoUrl: string | null;
  primaryColor: string | null;
  timeZone: string;
}

/** Who reads the email: their language (null: the default) decides its words, dates and numbers. */
interface Reading {
  locale: Locale;
  words: PendingLaunchWords;
  zone: string;
}

const reading = (locale: string | null | undefined, look: PartnerLook): Reading => {
  const chosen = localeOr(locale);
  return { locale: chosen, words: wordsIn(PENDING_LAUNCH_EMAIL, chosen, undefined), zone: look.timeZone || 'UTC' };
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** "all your prospects", "your saved list", "your filtered prospects" (in English unless a language is given). */
export function audienceLabel(audience: AudienceSpec, locale?: Locale | null): string {
  return wordsIn(PENDING_LAUNCH_EMAIL, locale, undefined).audience[audience.type];
}

/** What the card says of its start: what it waits for, or when it starts by itself and for whom. */
function state(card: PendingLaunchCard, r: Reading): string {
  return card.missing.length
    ? r.words.waitsUntilFixed(card.missing.map((m) => m.message).join('; '))
    : r.words.startsBySelf(emailDateTime(r.locale, card.dueAt, r.zone), r.words.audience[card.audience.type]);
}

const button = (href: string, label: string, color: string) =>
  `<a href="${esc(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;background:${esc(color)};color:#ffffff;text-decoration:none;font-weight:bold">${esc(label)}</a>`;

function cardHtml(card: PendingLaunchCard, look: PartnerLook, r: Reading): string {
  const color = look.primaryColor ?? '#1f2937';
  const waiting = card.missing.length
    ? `<p style="padding:8px 12px;background:#fff7ed;border-left:4px solid #f97316">${esc(state(card, r))}</p>`
    : `<p>${esc(state(card, r))}</p>`;
  const previewLabel = card.previewSubject ? r.words.previewOf(card.previewSubject) : r.words.preview;
  const preview = card.previewHtml
    ? `<div style="margin-top:16px;border:1px solid #d1d5db;border-radius:6px;padding:8px"><p style="margin:0 0 8px;color:#6b7280;font-size:13px">${esc(previewLabel)}</p>${card.previewHtml}</div>`
    : '';
  const launch = r.words.launchNow(r.words.audience[card.audience.type]);
  return (
    `<h2 style="font-size:18px;margin:16px 0 4px">${esc(card.campaignName)}</h2>` +
    `<p style="margin:0 0 8px;color:#6b7280">${esc(r.words.fromProgramme(card.programmeName))}</p>` +
    waiting +
    `<p>${button(card.launchUrl, launch, color)}${button(card.skipUrl, r.words.skip, '#6b7280')}${button(card.editUrl, r.words.editInPortal, '#374151')}</p>` +
    preview
  );
}

function cardText(card: PendingLaunchCard, r: Reading): string {
  const launch = r.words.launchNow(r.words.audience[card.audience.type]);
  return `${card.campaignName} (${r.words.programmeInText(card.programmeName)})\n${state(card, r)}\n\n${launch}: ${card.launchUrl}\n${r.words.skip}: ${card.skipUrl}\n${r.words.editInPortal}: ${card.editUrl}\n`;
}

function page(look: PartnerLook, r: Reading, title: string, body: string): string {
  const color = look.primaryColor ?? '#1f2937';
  const logo = look.logoUrl
    ? `<img src="${esc(look.logoUrl)}" alt="${esc(look.companyName)}" style="max-height:48px;max-width:200px">`
    : `<strong>${esc(look.companyName)}</strong>`;
  return (
    `<!doctype html><html lang="${r.locale}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
    `<body style="margin:0;font-family:Helvetica,Arial,sans-serif;color:#1f2937"><div style="max-width:640px;margin:0 auto">` +
    `<div style="padding:12px 16px;border-bottom:4px solid ${esc(color)}">${logo}</div><div style="padding:0 16px 16px">` +
    `<h1 style="font-size:20px">${esc(title)}</h1>${body}` +
    `<p style="color:#6b7280;font-size:12px;margin-top:24px">${esc(r.words.confirmFirst)}</p></div></div></body></html>`
  );
}

/** The email telling a partner's user about one pending launch, in the user's language. */
export function pendingLaunchEmail(
  card: PendingLaunchCard,
  look: PartnerLook,
  locale?: string | null,
): { subject: string; text: string; html: string } {
  const r = reading(locale, look);
  const subject = card.missing.length
    ? r.words.waitingSubject(card.campaignName)
    : r.words.readySubject(card.campaignName, look.companyName);
  return { subject, text: `${subject}\n\n${cardText(card, r)}`, html: page(look, r, subject, cardHtml(card, look, r)) };
}

/** The weekly digest, in the user's language: every pending launch waiting for a partner that has not launched in a while. */
export function digestEmail(
  cards: PendingLaunchCard[],
  total: number,
  look: PartnerLook,
  locale?: string | null,
): { subject: string; text: string; html: string } {
  const r = reading(locale, look);
  const subject = r.words.digestSubject(emailCount(r.locale, total), total);
  const more = total > cards.length ? r.words.more(emailCount(r.locale, total - cards.length)) : '';
  return {
    subject,
    text: `${subject}\n\n${cards.map((c) => cardText(c, r)).join('\n')}${more ? `\n${more}` : ''}`,
    html: page(
      look,
      r,
      subject,
      cards.map((c) => cardHtml(c, look, r)).join('<hr style="border:0;border-top:1px solid #e5e7eb;margin:24px 0">') +
        (more ? `<p>${esc(more)}</p>` : ''),
    ),
  };
}
