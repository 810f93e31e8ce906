import { CampaignContent, PROSPECT_TEMPLATE_FIELDS, RESERVED_LINK_NAMES, SlotDefinition } from '@tcma/campaign-model';
import { derivedColorNames } from '../slots/derived-colors';
import { BRAND_KIT_SLOT_NAMES } from '../slots/resolve-slot-values';

/** One variable a template of the campaign may use, as the editor offers it. */
export interface VocabularyEntry {
  /** What goes between the braces: `partner.logo`, `prospect.first_name`, `links.unsubscribe`. */
  variable: string;
  kind: 'partner' | 'prospect' | 'link';
  /** A short description for the editor's completion list and palette. */
  detail: string;
  /** Whether a subject or preheader may use it too (links may appear only in the MJML). */
  inText: boolean;
}

/** The mandatory footer: the unsubscribe link and the partner's postal address, outside any {{#if}}. */
export interface FooterSnippet {
  mjml: string;
  /** Why the snippet alone will not pass (the campaign has no usable address slot), or null. */
  note: string | null;
}

export interface TemplateVocabularyList {
  entries: VocabularyEntry[];
  footer: FooterSnippet;
}

const RESERVED_LINK_DETAIL: Record<(typeof RESERVED_LINK_NAMES)[number], string> = {
  unsubscribe: "The recipient's unsubscribe link (mandatory in every email)",
  view_in_browser: 'The email as a web page',
  page: "The campaign's landing page (needs a page asset)",
  preferences: "The recipient's preference page: leave this campaign, this partner's mail or the whole network",
};

function slotDetail(slot: SlotDefinition): string {
  const source = BRAND_KIT_SLOT_NAMES[slot.name] ? ', filled from the brand kit' : '';
  const need = slot.required
    ? 'required'
    : slot.fallback
      ? 'optional, with a fallback'
      : 'optional: guard it with {{#if}}';
  return `${slot.type} slot (${need}${source})`;
}

/** An address slot a footer may print unguarded: required, or with a fallback. */
function footerAddressSlot(slots: SlotDefinition[]): SlotDefinition | undefined {
  const addresses = slots.filter((s) => s.type === 'address');
  return addresses.find((s) => s.required || !!s.fallback) ?? addresses[0];
}

/**
 * What the templates of a campaign may name, listed for an editor: the declared slots (and
 * the colours derived from colour slots), the prospect fields and the links. The rules that
 * check templates read the same content (see vocabularyOf), so the list and the check agree.
 */
export function vocabularyEntries(content: Pick<CampaignContent, 'slots' | 'links'>): TemplateVocabularyList {
  const entries: VocabularyEntry[] = [];
  for (const slot of content.slots) {
    entries.push({ variable: `partner.${slot.name}`, kind: 'partner', detail: slotDetail(slot), inText: true });
    for (const derived of derivedColorNames(slot)) {
      entries.push({
        variable: `partner.${derived}`,
        kind: 'partner',
        detail: `colour derived from ${slot.name} (${derived.endsWith('_text') ? 'text on it' : 'readable with white text'})`,
        inText: true,
      });
    }
  }
  for (const field of PROSPECT_TEMPLATE_FIELDS)
    entries.push({
      variable: `prospect.${field}`,
      kind: 'prospect',
      detail: "the prospect's " + field.replace('_', ' '),
      inText: true,
    });
  for (const name of RESERVED_LINK_NAMES)
    entries.push({ variable: `links.${name}`, kind: 'link', detail: RESERVED_LINK_DETAIL[name], inText: false });
  for (const link of content.links)
    entries.push({ variable: `links.${link.name}`, kind: 'link', detail: link.url, inText: false });

  const address = footerAddressSlot(content.slots);
  const addressVariable = `partner.${address?.name ?? 'address'}`;
  const mjml = [
    '<mj-section>',
    '  <mj-column>',
    '    <mj-text font-size="12px" color="#555555">',
    `      {{${addressVariable}}}<br />`,
    '      <a href="{{links.unsubscribe}}">Unsubscribe</a> · <a href="{{links.preferences}}">Email preferences</a>',
    '    </mj-text>',
    '  </mj-column>',
    '</mj-section>',
  ].join('\n');
  const note = !address
    ? 'Declare an address slot (required, or with a fallback) first: the footer prints it.'
    : !address.required && !address.fallback
      ? `Make the address slot ${address.name} required, or give it a fallback: the footer prints it unguarded.`
      : null;
  return { entries, footer: { mjml, note } };
}
