import type { MarkupContext } from './markup-context';
import type { ReferenceSite } from './template-analysis';

/** How a partner value is escaped where it lands. */
export type Placement = 'text' | 'attribute' | 'url' | 'css';

export type PlacementResult = { ok: true; placement: Placement } | { ok: false; message: string };

const URL_ATTRIBUTES = new Set(['href', 'src', 'background-url', 'action', 'srcset', 'icon', 'poster', 'xlink:href']);
const STYLE_ATTRIBUTES = new Set(['style', 'css-class', 'mj-class', 'class']);

const refuse = (message: string): PlacementResult => ({ ok: false, message });

/**
 * Decides whether a variable may be used at a place in the markup and, for partner values,
 * how to escape it there. Links may only start a URL; a partner's text never becomes a link
 * target; only colours reach style sheets; nothing is ever loose inside a tag.
 */
export function placementOf(site: ReferenceSite, context: MarkupContext | undefined): PlacementResult {
  const name = `{{${site.variable}}}`;
  if (!context) return refuse(`${name} could not be located in the markup`);
  if (context.kind === 'tag') return refuse(`${name} sits inside <${context.tag}> but outside any attribute value`);
  if (site.usage === 'condition') return { ok: true, placement: 'text' };
  const ref = site.ref;
  if (ref.kind === 'partner' && ref.slot.type === 'text_block' && context.kind !== 'text')
    return refuse(
      `${name} is an editable text block and can only stand where text goes, not inside a tag, comment or style`,
    );
  if (context.kind === 'comment') return { ok: true, placement: 'attribute' };
  if (context.kind === 'css') {
    return ref.kind === 'partner' && ref.slot.type === 'color'
      ? { ok: true, placement: 'css' }
      : refuse(`${name} cannot be used in a style sheet; only colour slots can`);
  }
  if (context.kind === 'text') {
    return { ok: true, placement: 'text' };
  }
  const attribute = context.attribute;
  if (attribute.startsWith('on')) return refuse(`${name} cannot be used in the event attribute ${attribute}`);
  const atStart = context.prefix.trim() === '';
  if (STYLE_ATTRIBUTES.has(attribute)) {
    return ref.kind === 'partner' && ref.slot.type === 'color'
      ? { ok: true, placement: 'css' }
      : refuse(`${name} cannot be used in ${attribute}; only colour slots can`);
  }
  if (URL_ATTRIBUTES.has(attribute)) {
    switch (ref.kind) {
      case 'link':
        return atStart ? { ok: true, placement: 'url' } : refuse(`${name} must be the whole ${attribute} value`);
      case 'prospect':
        return atStart
          ? refuse(
              `${name} cannot start the ${attribute} of a link or image; prospect data never chooses where a link goes`,
            )
          : { ok: true, placement: 'attribute' };
      case 'partner': {
        const type = ref.slot.type;
        if (atStart && (type === 'url' || type === 'logo')) return { ok: true, placement: 'url' };
        const prefix = context.prefix.trim().toLowerCase();
        if ((type === 'email' && prefix === 'mailto:') || (type === 'phone' && prefix === 'tel:'))
          return { ok: true, placement: 'attribute' };
        return refuse(
          `${name} is a ${type} slot and cannot be used in ${attribute}; links and images take url or logo slots (email after mailto:, phone after tel:)`,
        );
      }
    }
  }
  if (ref.kind === 'link') return refuse(`${name} can only be used as an href or in text`);
  return { ok: true, placement: ref.kind === 'partner' && ref.slot.type === 'color' ? 'css' : 'attribute' };
}
