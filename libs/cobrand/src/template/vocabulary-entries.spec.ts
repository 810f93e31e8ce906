import type { SlotDefinition } from '@tcma/campaign-model';
import { checkEmailAsset } from '../email/email-asset-check';
import { vocabularyOf } from './vocabulary';
import { vocabularyEntries } from './vocabulary-entries';

const slots: SlotDefinition[] = [
  { name: 'logo', type: 'logo', required: true },
  { name: 'brand', type: 'color', required: false, fallback: '#123456' },
  { name: 'office', type: 'address', required: true },
];
const content = { slots, links: [{ name: 'trial', url: 'https://example.com/trial' }] };

describe(vocabularyEntries.name, () => {
  it('lists the declared slots with their derived colours, the prospect fields and the links', () => {
    const sut = vocabularyEntries(content);
    const names = sut.entries.map((e) => e.variable);
    expect(names).toEqual(
      expect.arrayContaining([
        'partner.logo',
        'partner.brand',
        'partner.brand_text',
        'partner.brand_readable',
        'partner.office',
        'prospect.first_name',
        'links.unsubscribe',
        'links.trial',
      ]),
    );
    expect(names).not.toContain('partner.company_name');
    expect(sut.entries.find((e) => e.variable === 'partner.logo')?.detail).toBe(
      'logo slot (required, filled from the brand kit)',
    );
    expect(sut.entries.find((e) => e.variable === 'links.trial')).toEqual({
      variable: 'links.trial',
      kind: 'link',
      detail: 'https://example.com/trial',
      inText: false,
    });
  });

  it('gives a footer that passes the compliance checks with the declared address slot', async () => {
    const { footer } = vocabularyEntries(content);
    expect(footer.note).toBeNull();
    expect(footer.mjml).toContain('{{partner.office}}');
    const mjml = `<mjml>\n<mj-body>\n${footer.mjml}\n</mj-body>\n</mjml>`;
    expect(await checkEmailAsset({ subject: 'Hi', preheader: '', mjml }, vocabularyOf(content))).toEqual([]);
  });

  it('says what the footer needs when the campaign has no address slot', () => {
    expect(vocabularyEntries({ slots: [], links: [] }).footer.note).toMatch(/Declare an address slot/);
  });
});
