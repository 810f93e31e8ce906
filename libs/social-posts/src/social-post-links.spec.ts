import { countSocialCopy, SOCIAL_COPY_LIMITS } from '@tcma/campaign-model';
import { tagLink, trackSocialLinks } from './social-post-links';

/** As long as a real one on a typical public address: `https://engine.example.com/s/` and a 10-character code. */
const short = (index: number) => `https://engine.example.com/s/Code${String(index).padStart(6, '0')}`;
const UTM = 'utm_source=linkedin&utm_medium=social&utm_campaign=zero-trust&utm_content=ab12cd34';

describe(trackSocialLinks.name, () => {
  const tags = { network: 'linkedin' as const, campaign: 'zero-trust', post: 'ab12cd34' };

  it('replaces each link by its short link, keeping sentence punctuation outside, and sends each to the link tagged', () => {
    const sut = trackSocialLinks('Read https://acme.example/trial. And (https://acme.example/a?x=1)!', tags, short);
    expect(sut.text).toBe(
      'Read https://engine.example.com/s/Code000000. And (https://engine.example.com/s/Code000001)!',
    );
    expect(sut.links).toEqual([
      { index: 0, short: short(0), target: `https://acme.example/trial?${UTM}` },
      { index: 1, short: short(1), target: `https://acme.example/a?x=1&${UTM}` },
    ]);
  });

  it('keeps tags a link already has in its target', () => {
    expect(trackSocialLinks('https://acme.example/?utm_source=mail', tags, short).links[0].target).toBe(
      'https://acme.example/?utm_source=mail&utm_medium=social&utm_campaign=zero-trust&utm_content=ab12cd34',
    );
  });

  it('leaves copy without links as it is, with nothing to track', () => {
    expect(trackSocialLinks('No link here', tags, short)).toEqual({ text: 'No link here', links: [] });
  });

  it('makes a long link shorter where the network counts its real length', () => {
    const text = `Our guide: https://acme.example/resources/guides/zero-trust-for-small-business-2026?ref=partner`;
    const sut = trackSocialLinks(text, tags, short);
    expect(countSocialCopy('linkedin', sut.text).length).toBeLessThan(countSocialCopy('linkedin', text).length);
  });

  it('keeps the copy untracked when the tracked copy would pass the network limit', () => {
    // A short link longer than the link it replaces: at the limit already, one more character is too many.
    const text = `${'a'.repeat(SOCIAL_COPY_LIMITS.linkedin - 13)} https://a.io`;
    expect(countSocialCopy('linkedin', text).length).toBe(SOCIAL_COPY_LIMITS.linkedin);
    expect(trackSocialLinks(text, tags, short)).toEqual({ text, links: [] });
  });

  it('tracks X links at the limit: X counts every link as 23, the short one too', () => {
    const text = `${'a'.repeat(SOCIAL_COPY_LIMITS.x - 24)} https://a.io`;
    expect(countSocialCopy('x', text).length).toBe(SOCIAL_COPY_LIMITS.x);
    const sut = trackSocialLinks(text, { ...tags, network: 'x' }, short);
    expect(sut.text).toBe(`${'a'.repeat(SOCIAL_COPY_LIMITS.x - 24)} ${short(0)}`);
    expect(sut.links[0].target).toContain('utm_source=x');
  });

  it('leaves what only looks like a link alone', () => {
    expect(trackSocialLinks('See http://[broken and https://ok.example', tags, short)).toEqual({
      text: `See http://[broken and ${short(0)}`,
      links: [{ index: 0, short: short(0), target: `https://ok.example/?${UTM}` }],
    });
  });
});

describe(tagLink.name, () => {
  it('answers null for what is not a URL', () => {
    expect(tagLink('https://', { network: 'x', campaign: 'c', post: 'p' })).toBeNull();
  });
});
