export type SvgCheck = { ok: true } | { ok: false; message: string };

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

/**
 * Decides whether an SVG can be rasterised without running code or reaching outside
 * itself. Nothing is rewritten: an SVG with scripts, event handlers, entities, embedded
 * HTML, style imports or any reference other than an in-document fragment or an inline
 * raster image is refused, because a half-cleaned SVG is how such checks are bypassed.
 */
export function checkSvgSafety(svg: string): SvgCheck {
  const refuse = (why: string): SvgCheck => ({ ok: false, message: `The SVG cannot be used safely: it ${why}` });
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) return refuse('declares a DOCTYPE or entities');
  if (/<\s*script\b/i.test(svg)) return refuse('contains a script');
  if (/<\s*foreignObject\b/i.test(svg)) return refuse('embeds foreign (HTML) content');
  if (/<\?xml-stylesheet/i.test(svg)) return refuse('references a style sheet');
  if (/[\s"'/]on[a-z]+\s*=/i.test(svg)) return refuse('has event-handler attributes');
  if (/@import/i.test(svg)) return refuse('imports styles');
  for (const m of svg.matchAll(/(?:xlink:)?href\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const target = (m[2] ?? m[3] ?? '').trim();
    if (!target.startsWith('#') && !SAFE_DATA_IMAGE.test(target))
      return refuse(`references ${target.slice(0, 60) || 'an empty address'}`);
  }
  for (const m of svg.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!m[2].trim().startsWith('#')) return refuse(`uses url(${m[2].slice(0, 60)})`);
  }
  if (/javascript:/i.test(svg)) return refuse('contains a javascript: address');
  return { ok: true };
}
