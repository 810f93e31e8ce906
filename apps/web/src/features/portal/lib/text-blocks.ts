import type { BlockCampaignRef, EditableBlock } from '../../../shared/components/text-block-field';
import type { PublishedCampaign } from '../hooks/use-campaign';

type Slot = PublishedCampaign['content']['slots'][number];

/** What a text_block without its own maxLength allows (the API's TEXT_BLOCK_DEFAULT_MAX_LENGTH). */
const DEFAULT_MAX_LENGTH = 600;

/** A campaign's editable block as the field shows it. */
export const blockOf = (slot: Slot): EditableBlock => ({
  name: slot.name,
  label: slot.label ?? null,
  maxLength: slot.maxLength ?? DEFAULT_MAX_LENGTH,
  allowLinks: slot.allowLinks === true,
  approval: slot.approval ?? 'none',
  fallback: slot.fallback ?? null,
});

/** The campaign's email that places the block (else its first email), for the block's preview. */
export function blockCampaignOf(campaign: PublishedCampaign, slotName: string): BlockCampaignRef {
  const emails = campaign.content.assets.filter((a) => 'mjml' in a);
  const email = emails.find((a) => 'mjml' in a && a.mjml.includes(`partner.${slotName}`)) ?? emails.at(0) ?? null;
  return {
    campaignId: campaign.id,
    version: campaign.version,
    email: email ? { id: email.id, name: email.name } : null,
  };
}
