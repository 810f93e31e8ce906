/** What every prompt says about the campaign: the vendor's own description of it, never a recipient. */
export interface CampaignBrief {
  name: string;
  description: string;
  /** The language the copy is written in (BCP 47), which suggestions keep. */
  language: string;
}

/** The most characters of one piece of copy a prompt carries: enough for context, bounded in tokens. */
export const MAX_MATERIAL_CHARS = 6_000;

export const clip = (text: string, max = MAX_MATERIAL_CHARS): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

/**
 * The words of an MJML or HTML template as a reader sees them: tags, styles and comments
 * dropped, placeholders ({{…}}) kept as written, whitespace folded.
 */
export function visibleText(markup: string): string {
  return markup
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(mj-head|mj-style|style|script|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rules every suggestion prompt states. */
export const SUGGESTION_RULES = [
  'You help a marketing team write campaign copy. A person reads every option and picks one or none.',
  'Keep every placeholder in double curly braces, such as {{partner.company_name}} or {{links.trial}}, exactly as written; never invent a new one.',
  'Never include real people, email addresses, phone numbers or prices that the material does not state.',
].join('\n');

export const optionsFormat = (count: number): string =>
  `Answer with JSON only, no other text: {"options": [${Array.from({ length: Math.min(count, 3) }, (_, i) => `"option ${i + 1}"`).join(', ')}${count > 3 ? ', …' : ''}]} with exactly ${count} options.`;

export const campaignLines = (campaign: CampaignBrief): string =>
  [
    `Campaign: ${clip(campaign.name, 200)}`,
    campaign.description ? `About it: ${clip(campaign.description, 1_000)}` : '',
    `Language of the copy: ${campaign.language}`,
  ]
    .filter(Boolean)
    .join('\n');
