import { AssistantPrompt } from '../assistant-prompt';
import { CampaignBrief, campaignLines, clip, optionsFormat, SUGGESTION_RULES } from './prompt-parts';

/** A partner's editable block as the vendor declared it. */
export interface TextBlockBrief {
  label: string;
  maxLength: number;
  /** Links to the partner's own domain only, or none at all. */
  linksTo: string | null;
  /** The vendor's default wording, if any. */
  defaultText: string;
}

/**
 * Wordings of a partner's own paragraph in a vendor's email or page ("Help me write"): within
 * the block's length, about the partner named, in the partner's words ("notes") when given.
 */
export function textBlockPrompt(input: {
  campaign: CampaignBrief;
  block: TextBlockBrief;
  partnerName: string;
  notes: string;
  current: string;
  count: number;
}): AssistantPrompt {
  const links = input.block.linksTo
    ? `Links are allowed only to ${input.block.linksTo}.`
    : 'Include no links or web addresses.';
  return AssistantPrompt.make(
    'text_block',
    `${SUGGESTION_RULES}\nWrite the paragraph "${clip(input.block.label, 100)}" that the partner ${clip(input.partnerName, 200)} adds in its own voice to the vendor's campaign: plain text, each option at most ${input.block.maxLength} characters. ${links}\n${optionsFormat(input.count)}`,
    [
      campaignLines(input.campaign),
      input.block.defaultText ? `The vendor's suggested wording: ${clip(input.block.defaultText)}` : '',
      input.current ? `The partner's draft: ${clip(input.current)}` : '',
      input.notes ? `What the partner wants to say: ${clip(input.notes, 1_000)}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
