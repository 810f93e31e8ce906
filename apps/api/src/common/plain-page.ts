/** Small self-contained HTML pages for people following a link from an email (unsubscribe, confirmations): no app, no script. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const STYLE = 'font-family:Helvetica,Arial,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937';
export const PAGE_BUTTON =
  'font:inherit;font-size:1rem;padding:0.6rem 1.2rem;border:0;border-radius:6px;background:#1f2937;color:#fff;cursor:pointer';

/** `body` is HTML: escape what it holds with escapeHtml. `lang`: the language the page is written in. */
export const plainPage = (title: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head>` +
  `<body style="${STYLE}"><main><h1 style="font-size:1.4rem">${title}</h1>${body}</main></body></html>`;
