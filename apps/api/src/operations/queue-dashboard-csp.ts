/**
 * The Content-Security-Policy of the queue dashboard (bull-board's page and its API), in place
 * of the API's default. bull-board's page loads its typeface from Google Fonts (a style sheet on
 * fonts.googleapis.com, the fonts on fonts.gstatic.com): those two origins are allowed here, for
 * this page only, and nothing else beyond the default (its own scripts and styles, no framing).
 */
export const QUEUE_DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
