import { localeOr, type EmailCatalogue, type Locale, wordsIn } from '@tcma/locales';
import type { EmailBrand } from '@tcma/vendor-brands';
import type { Notice } from './notice';

/** A notice as its sender writes it: paragraphs, one main action, in the vendor's brand. */
export interface BrandedNoticeContent {
  to: string;
  subject: string;
  /** Paragraphs before the action. */
  lead: string[];
  action: { label: string; url: string };
  /** Paragraphs after the action (what to do if it was not expected, how long it works). */
  after: string[];
  /**
   * Something to show under the action, in a framed box under its label: HTML the engine rendered
   * itself (a co-branded email's body), never text from a request. The text part gives the label.
   */
  preview?: { label: string; html: string };
  /** The language the words above are in (the reader's; null: the default): the signature follows. */
  locale?: Locale | null;
}

/** The signature's one sentence, in each language. */
const SIGNATURE: EmailCatalogue<{ help: string }, { help: string }> = {
  en: ({ help }) => ({ help: `Help: ${help}` }),
  de: ({ help }) => ({ help: `Hilfe: ${help}` }),
  fr: ({ help }) => ({ help: `Aide : ${help}` }),
  es: ({ help }) => ({ help: `Ayuda: ${help}` }),
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A link to one of the web app's signed-out pages that opens it in the vendor's brand (`?vendor=<slug>`). */
export function inVendorBrand(url: string, brand: Pick<EmailBrand, 'vendor'>): string {
  const link = new URL(url);
  link.searchParams.set('vendor', brand.vendor);
  return link.toString();
}

/** "Acme Partner Hub" and, when the vendor gave them, where to ask for help. */
function signature(brand: EmailBrand, locale: Locale): string[] {
  const help = [brand.supportEmail, brand.supportUrl].filter((v): v is string => !!v);
  return [brand.displayName, ...(help.length ? [wordsIn(SIGNATURE, locale, { help: help.join(' · ') }).help] : [])];
}

/**
 * The notice in text and HTML: the vendor's logo (else its name) over a bar of its colour, the
 * action as a button of the readable shade of that colour (white text on it reaches AA), and the
 * vendor's display name as the signature. Nothing in it names the engine.
 */
export function brandedNotice(brand: EmailBrand, content: BrandedNoticeContent): Notice {
  const { colors } = brand;
  const locale = localeOr(content.locale);
  const text = [
    ...content.lead,
    '',
    `${content.action.label}: ${content.action.url}`,
    '',
    ...(content.preview ? [content.preview.label, ''] : []),
    ...content.after,
    '',
    '—',
    ...signature(brand, locale),
  ].join('\n');
  const header = brand.logoUrl
    ? `<img src="${esc(brand.logoUrl)}" alt="${esc(brand.displayName)}" style="max-height:48px;max-width:200px">`
    : `<strong style="font-size:18px">${esc(brand.displayName)}</strong>`;
  const paragraphs = (lines: string[]) => lines.map((l) => `<p>${esc(l)}</p>`).join('');
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(content.subject)}</title></head>` +
    `<body style="margin:0;font-family:Helvetica,Arial,sans-serif;color:#1f2937"><div style="max-width:600px;margin:0 auto">` +
    `<div style="padding:12px 16px;border-bottom:4px solid ${esc(colors.primary)}">${header}</div>` +
    `<div style="padding:0 16px 16px">${paragraphs(content.lead)}` +
    `<p><a href="${esc(content.action.url)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:${esc(colors.primaryReadable)};color:#ffffff;text-decoration:none;font-weight:bold">${esc(content.action.label)}</a></p>` +
    (content.preview
      ? `<div style="margin:16px 0;border:1px solid #d1d5db;border-radius:6px;padding:8px"><p style="margin:0 0 8px;color:#4b5563;font-size:13px">${esc(content.preview.label)}</p>${content.preview.html}</div>`
      : '') +
    `${paragraphs(content.after)}` +
    `<p style="color:#4b5563;font-size:13px;margin-top:24px">${signature(brand, locale).map(esc).join('<br>')}</p>` +
    `</div></div></body></html>`;
  return { to: content.to, subject: content.subject, text, html };
}
