import { LOCALES } from '@tcma/locales';
import { LAUNCH_APPROVAL_ASKED, LAUNCH_APPROVED, LAUNCH_RETURNED } from './launch-notice-words';

describe('launch notice words', () => {
  it.each(LOCALES)('name the partner, the campaign and the blocks to the approvers (%s)', (locale) => {
    const words = LAUNCH_APPROVAL_ASKED[locale]({ partner: 'Springfield', campaign: 'Backup Week', blocks: 'Intro' });
    expect(words.subject).toContain('Springfield');
    expect(words.subject).toContain('Backup Week');
    expect(words.lead.join(' ')).toContain('(Intro)');
  });

  it.each(LOCALES)("give the partner the approver's comment as its own paragraph (%s)", (locale) => {
    const words = LAUNCH_RETURNED[locale]({ campaign: 'Backup Week', comment: 'Drop the guarantee.' });
    expect(words.subject).toContain('Backup Week');
    expect(words.lead).toContain('Drop the guarantee.');
  });

  it.each(LOCALES)('tell the partner when an approved launch starts (%s)', (locale) => {
    expect(LAUNCH_APPROVED[locale]({ campaign: 'Backup Week', start: '1 May' }).lead.join(' ')).toContain('1 May');
  });

  it('address the Spanish reader as usted', () => {
    const all = [
      LAUNCH_APPROVAL_ASKED.es({ partner: 'P', campaign: 'C', blocks: 'B' }),
      LAUNCH_APPROVED.es({ campaign: 'C', start: 'S' }),
      LAUNCH_RETURNED.es({ campaign: 'C', comment: 'X' }),
    ]
      .flatMap((w) => [w.subject, ...w.lead, w.action, ...w.after])
      .join(' ');
    expect(all).not.toMatch(/\b(tu|tus|tú|te|ti)\b/i);
    expect(all).toMatch(/\b(su|sus|usted)\b/);
  });
});
