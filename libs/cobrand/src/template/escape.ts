const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
  // Braces and backslash are escaped too: the HTML is later compiled as a Handlebars
  // template, and a partner's "{{" must never become an expression there.
  '{': '&#123;',
  '}': '&#125;',
  '\\': '&#92;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`={}\\]/g, (c) => HTML_ESCAPES[c]);
}

/** HTML text: escaped, with line breaks kept as <br />. */
export function escapeHtmlText(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br />');
}

/** A quoted attribute value: escaped, on one line. */
export function escapeAttribute(value: string): string {
  return escapeHtml(value.replace(/\n/g, ', '));
}

const SAFE_URL_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A URL for an href or src: only http, https, mailto and tel survive; anything else
 * (javascript:, data:, relative junk) becomes "#". Braces are percent-encoded so no
 * template syntax can appear, then the whole is escaped for an attribute.
 */
export function escapeUrlAttribute(value: string): string {
  let href: string;
  try {
    const url = new URL(value);
    if (!SAFE_URL_SCHEMES.has(url.protocol)) return '#';
    href = url.href;
  } catch {
    return '#';
  }
  return escapeHtml(href.replace(/[{}\\]/g, (c) => encodeURIComponent(c)));
}
