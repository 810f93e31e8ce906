import { tagSocialLinks } from './social-post-links';

describe(tagSocialLinks.name, () => {
  const tags = { network: 'linkedin' as const, campaign: 'zero-trust', post: 'ab12cd34' };

  it('tags each link with the network, the campaign and the post, keeping sentence punctuation outside', () => {
    const sut = tagSocialLinks('Read https://acme.example/trial. And https://acme.example/a?x=1!', tags);
    expect(sut).toBe(
      'Read https://acme.example/trial?utm_source=linkedin&utm_medium=social&utm_campaign=zero-trust&utm_content=ab12cd34. And https://acme.example/a?x=1&utm_source=linkedin&utm_medium=social&utm_campaign=zero-trust&utm_content=ab12cd34!',
    );
  });

  it('keeps parameters a link already has', () => {
    expect(tagSocialLinks('https://acme.example/?utm_source=mail', tags)).toBe('https://acme.example/?utm_source=mail&utm_medium=social&utm_campaign=zero-trust&utm_content=ab12cd34');
  });

  it('leaves copy without links as it is', () => {
    expect(tagSocialLinks('No link here', tags)).toBe('No link here');
  });

  it('returns the copy untagged when tagging would take it past the network limit', () => {
    const long = `${'a'.repeat(2990)} https://a.io`;
    expect(tagSocialLinks(long, tags)).toBe(long);
  });

  it('tags X links without counting them longer (X counts every link as 23)', () => {
    const text = `${'a'.repeat(250)} https://acme.example/x`;
    expect(tagSocialLinks(text, { ...tags, network: 'x' })).toContain('utm_source=x');
  });
});
