/** Every `<link …>` tag: an email has no use for one but a style sheet (MJML's mj-font writes one per font). */
const LINK_TAG = /<link\b[^>]*>/gi;
/** Every CSS `@import …;` (MJML's mj-font writes one per font inside a <style>). */
const IMPORT_RULE = /@import\s+(?:url\(\s*(?:'[^']*'|"[^"]*"|[^)]*)\s*\)|'[^']*'|"[^"]*")[^;]*;?/gi;

/**
 * An email's HTML without the style sheets it would fetch from elsewhere (web fonts: `<link>`
 * tags and `@import` rules). Previews show it so: a preview asks nothing of another server
 * (their CSP, with nothing external to load, blocks nothing), and the fonts' own fallbacks show,
 * as in the many mail clients that load no web font. Sent emails keep their fonts.
 */
export function withoutWebFonts(html: string): string {
  return html.replace(LINK_TAG, '').replace(IMPORT_RULE, '');
}
