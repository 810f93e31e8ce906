import { intlLocale, localeOr, wordsIn } from '@tcma/locales';
import { POST_CANCELLED_EMAIL } from './post-cancelled-words';

/** What the email telling a partner's users that a vendor user cancelled their post says. */
export interface PostCancelledCard {
  vendorName: string;
  /** The vendor user who acted for the partner. */
  userName: string;
  campaignName: string;
  /** The networks it was due on, by name: listed in the reader's language ("LinkedIn and X", "LinkedIn und X"). */
  networks: string[];
  /** When it was due, and the partner's zone it is written in. */
  dueAt: Date;
  timeZone: string;
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

/** The email co-branded with the partner's look, the vendor named as who acted, in the reader's language. */
export function postCancelledEmail(
  card: PostCancelledCard,
  look: PartnerLook,
  locale?: string | null,
): { subject: string; text: string; html: string } {
  const reader = localeOr(locale);
  const intl = intlLocale(reader);
  const w = wordsIn(POST_CANCELLED_EMAIL, reader, {
    vendorName: card.vendorName,
    userName: card.userName,
    companyName: look.companyName,
    campaignName: card.campaignName,
    networks: new Intl.ListFormat(intl, { type: 'conjunction' }).format(card.networks),
    due: new Intl.DateTimeFormat(intl, { timeZone: card.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
      card.dueAt,
    ),
  });
  const lines = [
    w.cancelled,
    `${w.calendar}: ${card.calendarUrl}`,
    `${w.logBefore}${w.logLink}${w.logAfter} ${card.accountUrl}`,
  ];
  const color = look.primaryColor ?? '#1f2937';
  const logo = look.logoUrl
    ? `<img src="${esc(look.logoUrl)}" alt="${esc(look.companyName)}" style="max-height:48px;max-width:200px">`
    : `<strong>${esc(look.companyName)}</strong>`;
  const html =
    `<!doctype html><html lang="${reader}"><head><meta charset="utf-8"><title>${esc(w.subject)}</title></head>` +
    `<body style="margin:0;font-family:Helvetica,Arial,sans-serif;color:#1f2937"><div style="max-width:640px;margin:0 auto">` +
    `<div style="padding:12px 16px;border-bottom:4px solid ${esc(color)}">${logo}</div><div style="padding:0 16px 16px">` +
    `<h1 style="font-size:20px">${esc(w.subject)}</h1><p>${esc(w.cancelled)}</p>` +
    `<p><a href="${esc(card.calendarUrl)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:${esc(color)};color:#ffffff;text-decoration:none;font-weight:bold">${esc(w.openCalendar)}</a></p>` +
    `<p style="color:#6b7280;font-size:12px;margin-top:24px">${esc(w.logBefore)}<a href="${esc(card.accountUrl)}">${esc(w.logLink)}</a>${esc(w.logAfter)}</p>` +
    `</div></div></body></html>`;
  return { subject: w.subject, text: `${lines.join('\n\n')}\n`, html };
}
