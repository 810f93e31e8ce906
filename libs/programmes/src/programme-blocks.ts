import type { TextBlockApproval } from '@tcma/campaign-model';
import { normalizeTextBlock, textBlockMaxLength } from '@tcma/cobrand';
import type { Problem } from '@tcma/errors';
import type { OfferedVersion } from './programme-versions.repository';

/** Where a programme's campaign shows a block: its email holding it, for a live preview. */
export interface BlockCampaign {
  campaignId: string;
  campaignName: string;
  version: number;
  /** The first email whose markup places the block; null when only a landing page does. */
  assetId: string | null;
}

/**
 * An editable block (text_block slot) of the campaigns a programme offers a partner, as its
 * subscription's defaults fill it: one text for every campaign naming the block, so the limits are
 * the strictest of theirs.
 */
export interface ProgrammeBlock {
  name: string;
  /** The first campaign's label (by campaign name); null: the block's name is all there is. */
  label: string | null;
  /** The smallest of the campaigns' limits. */
  maxLength: number;
  /** Only when every campaign allows links to the partner's own site. */
  allowLinks: boolean;
  /** `vendor` when any campaign's block waits for an approver. */
  approval: TextBlockApproval;
  /** The first campaign's default text, sent when the partner writes none. */
  fallback: string | null;
  campaigns: BlockCampaign[];
}

const placedIn = (name: string, mjml: string) => new RegExp(`\\{\\{\\{?\\s*partner\\.${name}\\s*\\}`).test(mjml);

/** The editable blocks of the versions, by their first campaign's order (the versions come by campaign name). */
export function programmeBlocks(versions: readonly OfferedVersion[]): ProgrammeBlock[] {
  const blocks = new Map<string, ProgrammeBlock>();
  for (const v of versions) {
    for (const slot of v.content.slots) {
      if (slot.type !== 'text_block') continue;
      const email = v.content.assets.find((a) => a.kind === 'email' && placedIn(slot.name, a.mjml));
      const campaign: BlockCampaign = {
        campaignId: v.campaignId,
        campaignName: v.campaignName,
        version: v.version,
        assetId: email?.id ?? null,
      };
      const seen = blocks.get(slot.name);
      if (!seen) {
        blocks.set(slot.name, {
          name: slot.name,
          label: slot.label?.trim() || null,
          maxLength: textBlockMaxLength(slot),
          allowLinks: slot.allowLinks === true,
          approval: slot.approval ?? 'none',
          fallback: slot.fallback ?? null,
          campaigns: [campaign],
        });
        continue;
      }
      seen.maxLength = Math.min(seen.maxLength, textBlockMaxLength(slot));
      seen.allowLinks &&= slot.allowLinks === true;
      if (slot.approval === 'vendor') seen.approval = 'vendor';
      seen.campaigns.push(campaign);
    }
  }
  return [...blocks.values()];
}

/**
 * A subscription's texts for the blocks, checked against each campaign's own block exactly as a
 * launch checks them (length, paragraphs, characters, links only to the partner's site): the
 * first refusal of each block, at `slotValues.<name>`, naming the campaign when several share it.
 * An empty text is no text (the block's default is sent).
 */
export function programmeBlockProblems(
  versions: readonly OfferedVersion[],
  values: Readonly<Record<string, string>>,
  partnerHost: string | null,
): Problem[] {
  const problems = new Map<string, Problem>();
  const shared = new Set(
    programmeBlocks(versions)
      .filter((b) => b.campaigns.length > 1)
      .map((b) => b.name),
  );
  for (const v of versions) {
    for (const slot of v.content.slots) {
      if (slot.type !== 'text_block' || problems.has(slot.name)) continue;
      const raw = Object.prototype.hasOwnProperty.call(values, slot.name) ? values[slot.name] : undefined;
      if (typeof raw !== 'string' || !raw.trim()) continue;
      const checked = normalizeTextBlock(slot, raw, { partnerHost });
      if (checked.ok) continue;
      const message = shared.has(slot.name) ? `${checked.message} (in “${v.campaignName}”)` : checked.message;
      problems.set(slot.name, { path: `slotValues.${slot.name}`, message });
    }
  }
  return [...problems.values()];
}
