import { createHash } from 'node:crypto';
import type { SlotDefinition } from '@tcma/campaign-model';
import { canonicalTextBlock } from '@tcma/cobrand';

/** A partner's text of an editable block that the vendor must approve unless it already did. */
export interface BlockToApprove {
  slot: string;
  text: string;
  hash: string;
}

/** The SHA-256 (hex) of a block's canonical text: how an approved text is remembered. */
export const textHash = (text: string): string =>
  createHash('sha256').update(canonicalTextBlock(text), 'utf8').digest('hex');

/**
 * The launch's values with every editable block's text in its canonical form (the form that is
 * checked, sent, hashed and shown to the approver).
 */
export function canonicalSlotValues(
  slots: readonly SlotDefinition[],
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const blocks = new Set(slots.filter((s) => s.type === 'text_block').map((s) => s.name));
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      blocks.has(name) && typeof value === 'string' ? canonicalTextBlock(value) : value,
    ]),
  );
}

/**
 * The editable blocks of a launch whose text needs the vendor's approval: blocks declared with
 * `approval: vendor` whose launch value is given and is not one of the block's default texts. Whether
 * it was approved before is the caller's question (approved_text_blocks).
 */
export function blocksToApprove(
  slots: readonly SlotDefinition[],
  values: Readonly<Record<string, string>>,
): BlockToApprove[] {
  const out: BlockToApprove[] = [];
  for (const slot of slots) {
    if (slot.type !== 'text_block' || slot.approval !== 'vendor') continue;
    const raw = Object.prototype.hasOwnProperty.call(values, slot.name) ? values[slot.name] : undefined;
    if (typeof raw !== 'string') continue;
    const text = canonicalTextBlock(raw);
    if (!text) continue;
    // The vendor's own words (its fallback, or its default in any language) need no approver.
    const vendors = [slot.fallback, ...Object.values(slot.defaults ?? {})];
    if (vendors.some((t) => typeof t === 'string' && canonicalTextBlock(t) === text)) continue;
    out.push({ slot: slot.name, text, hash: textHash(text) });
  }
  return out;
}
