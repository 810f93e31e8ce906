import { CUSTOM_FIELD_KEY_PATTERN, PROSPECT_TEMPLATE_FIELDS } from '@tcma/campaign-model';
import type { CompiledEmail, PlainPart, TrackableLink } from './email-compiler';

/** What a template may know of a prospect; anything else of the record never reaches it. */
export interface ProspectData {
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  title?: string | null;
  country?: string | null;
  custom?: Readonly<Record<string, unknown>> | null;
}

export interface Recipient {
  prospect: ProspectData;
  unsubscribeUrl: string;
  viewInBrowserUrl: string;
  /** The recipient's preference page ({{links.preferences}}). */
  preferencesUrl: string;
  /** The address a tracked link points to for this send; identity for previews. */
  linkUrl: (link: TrackableLink) => string;
  /** The open-tracking pixel's address for this send. */
  openPixelUrl: string;
}

export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}

const STAND_IN = /[\uE000-\uE002]/g;
// Bidirectional overrides make text display as something it is not; names never need them.
// Private-use characters mean nothing portable, and some stand in for braces here.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\uE000-\uF8FF]/g;
const STAND_IN_CHAR: Record<string, string> = { '\uE000': '{', '\uE001': '}', '\uE002': '\\' };

/**
 * Copies only the allowed prospect fields into prototype-less objects, so a template (or a
 * crafted field named __proto__) cannot reach anything else.
 */
export function templateProspect(p: ProspectData): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const field of PROSPECT_TEMPLATE_FIELDS) {
    const v = p[field];
    if (typeof v === 'string' && v !== '') out[field] = v.replace(BIDI_CONTROLS, '');
  }
  const custom = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(p.custom ?? {})) {
    if (
      CUSTOM_FIELD_KEY_PATTERN.test(key) &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    )
      custom[key] = String(value).replace(BIDI_CONTROLS, '');
  }
  out.custom = custom;
  return out;
}

const URL_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/**
 * An address as template data. Handlebars would escape "=" as &#x3D; (for unquoted
 * attributes, which the checks never allow): in HTML the address is escaped only as a quoted
 * attribute needs, so a tracked link reads ?u=…&amp;n=…; in the plain parts it is as it is.
 */
class UrlValue {
  constructor(private readonly url: string) {}
  toHTML(): string {
    return this.url.replace(/[&"'<>]/g, (c) => URL_ESCAPES[c]);
  }
  toString(): string {
    return this.url;
  }
}

/** The second, cheap stage: one recipient's email from a compiled one. */
export function renderEmail(compiled: CompiledEmail, recipient: Recipient): RenderedEmail {
  const t: Record<string, UrlValue> = { open: new UrlValue(recipient.openPixelUrl) };
  for (const link of compiled.links) t[`l${link.index}`] = new UrlValue(recipient.linkUrl(link));
  const links = {
    unsubscribe: new UrlValue(recipient.unsubscribeUrl),
    view_in_browser: new UrlValue(recipient.viewInBrowserUrl),
    preferences: new UrlValue(recipient.preferencesUrl),
  };
  const data = { partner: compiled.partner, prospect: templateProspect(recipient.prospect), links, t };
  const parts = {} as Record<PlainPart, string>;
  const html = compiled.template(data, { data: { parts } });
  const { text, subject, preheader } = parts;
  if (!compiled.plainHasStandIns) return { subject: subject.replace(/[\r\n]+/g, ' '), preheader, html, text };
  const restore = (s: string) => s.replace(STAND_IN, (c) => STAND_IN_CHAR[c]);
  return {
    subject: restore(subject).replace(/[\r\n]+/g, ' '),
    preheader: restore(preheader),
    html,
    text: restore(text),
  };
}
