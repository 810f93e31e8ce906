import { countSocialCopy, findSocialLinks, socialCopyFits, X_LINK_LENGTH } from './social-copy-length';

describe('countSocialCopy', () => {
  const longUrl = `https://acme-backup.example/trial?utm_source=${'x'.repeat(80)}`;

  it('counts plain text by characters on every network', () => {
    for (const network of ['linkedin', 'x', 'facebook', 'instagram'] as const)
      expect(countSocialCopy(network, 'Backups that work.').length).toBe(18);
  });

  it('counts every link as 23 on X, however long, and in full elsewhere', () => {
    const text = `Try it: ${longUrl} and https://a.co`;
    expect(countSocialCopy('x', text)).toEqual({
      length: 'Try it: '.length + X_LINK_LENGTH + ' and '.length + X_LINK_LENGTH,
      links: expect.any(Array),
    });
    expect(countSocialCopy('linkedin', text).length).toBe(text.length);
    expect(countSocialCopy('facebook', text).length).toBe(text.length);
    expect(countSocialCopy('x', text).links.map((l) => l.url)).toEqual([longUrl, 'https://a.co']);
  });

  it('leaves sentence punctuation out of a link, and finds bare domains and www. addresses', () => {
    expect(
      findSocialLinks('See https://acme.com/trial. Or www.acme.com, or acme.com/pricing!').map((l) => l.url),
    ).toEqual(['https://acme.com/trial', 'www.acme.com', 'acme.com/pricing']);
    expect(countSocialCopy('x', 'acme.com').length).toBe(23);
  });

  it('does not take an email address or a file name for a link', () => {
    expect(findSocialLinks('Write to sales@acme.com about report.pdf')).toEqual([]);
  });

  it('counts CJK characters and emoji as 2 on X, and as characters elsewhere', () => {
    expect(countSocialCopy('x', '日本語').length).toBe(6);
    expect(countSocialCopy('linkedin', '日本語').length).toBe(3);
    // A family emoji is 7 code points joined; a thumbs-up with a skin tone is 2; a flag is 2.
    expect(countSocialCopy('x', '👨‍👩‍👧‍👦').length).toBe(2);
    expect(countSocialCopy('x', '👍🏽 🇵🇱').length).toBe(5);
    expect(countSocialCopy('x', 'Łódź, café – “quoted”').length).toBe(21);
    // © alone is text (1); with the emoji selector it is an emoji (2).
    expect(countSocialCopy('x', '©').length).toBe(1);
    expect(countSocialCopy('x', '©\uFE0F').length).toBe(2);
  });

  it('measures X in NFC, as X does: a decomposed é counts once', () => {
    expect(countSocialCopy('x', 'e\u0301').length).toBe(1);
  });

  it('says whether the copy fits the network’s limit', () => {
    expect(socialCopyFits('x', `${'a'.repeat(257)} ${longUrl}`)).toEqual({ length: 281, limit: 280, fits: false });
    expect(socialCopyFits('x', `${'a'.repeat(256)} ${longUrl}`)).toEqual({ length: 280, limit: 280, fits: true });
    expect(socialCopyFits('linkedin', 'a'.repeat(3001)).fits).toBe(false);
  });
});
