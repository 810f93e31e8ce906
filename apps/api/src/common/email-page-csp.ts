/**
 * The Content-Security-Policy of every page that shows an email (previews, view in browser):
 * a sandbox (no scripts, forms, popups or same-origin access, whatever the HTML holds),
 * images only from the engine (logos, the pixel) and https, inline styles and https fonts and
 * style sheets as mail clients allow, nothing else.
 */
export function emailPageCsp(publicBaseUrl: string): string {
  const engine = new URL(publicBaseUrl).origin;
  return [
    'sandbox',
    "default-src 'none'",
    `img-src ${engine} https:`,
    "style-src 'unsafe-inline' https:",
    'font-src https:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}
