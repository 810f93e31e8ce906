import type { SlotDefinition } from '@tcma/campaign-model';
import { blocksToApprove, canonicalSlotValues, textHash } from './text-block-approval';

const slots: SlotDefinition[] = [
  {
    name: 'intro',
    type: 'text_block',
    required: false,
    approval: 'vendor',
    fallback: 'Our  default\r\n',
    defaults: { de: 'Unser Standard' },
  },
  { name: 'outro', type: 'text_block', required: false },
  { name: 'company_name', type: 'text', required: true },
];

describe('blocksToApprove', () => {
  it('asks only for vendor-approved blocks with a text that is not the default', () => {
    expect(blocksToApprove(slots, { intro: 'Our  default', outro: 'Mine', company_name: 'X' })).toEqual([]);
    expect(blocksToApprove(slots, {})).toEqual([]);
    expect(blocksToApprove(slots, { intro: 'Unser Standard\r\n' })).toEqual([]);
    expect(blocksToApprove(slots, { intro: ' Hello\r\n\r\n\r\nthere ' })).toEqual([
      { slot: 'intro', text: 'Hello\n\nthere', hash: textHash('Hello\n\nthere') },
    ]);
  });

  it('hashes the canonical text, so spacing alone does not ask again', () => {
    expect(textHash('Hello\r\n\r\nthere  ')).toBe(textHash('Hello\n\nthere'));
    expect(textHash('Hello')).not.toBe(textHash('Hello!'));
  });

  it('stores blocks in their canonical form and leaves other values alone', () => {
    expect(canonicalSlotValues(slots, { intro: ' a\r\nb ', company_name: ' X ' })).toEqual({
      intro: 'a\nb',
      company_name: ' X ',
    });
  });
});
