import { normalizeSlotValue } from './slot-values';
import { canonicalTextBlock, normalizeTextBlock, textBlockHtml, websiteHost } from './text-block';

const block = { maxLength: 600, allowLinks: false };
const linked = { maxLength: 600, allowLinks: true };
const partner = { partnerHost: 'partner.example' };

describe('normalizeTextBlock', () => {
  it('keeps paragraphs and line breaks, trims and folds blank lines', () => {
    const r = normalizeTextBlock(block, '  Hello\r\nthere  \r\n\r\n\r\n\r\nSecond\tparagraph  ');
    expect(r).toEqual({ ok: true, value: 'Hello\nthere\n\nSecond paragraph' });
    expect(canonicalTextBlock('a\n\n\nb')).toBe('a\n\nb');
  });

  it('refuses empty, over-long and control-carrying texts', () => {
    expect(normalizeTextBlock(block, '  \n ')).toEqual({ ok: false, message: 'must not be empty' });
    expect(normalizeTextBlock({ maxLength: 10 }, 'x'.repeat(11))).toEqual({
      ok: false,
      message: 'must be at most 10 characters',
    });
    expect(normalizeTextBlock({}, 'x'.repeat(601))).toMatchObject({
      ok: false,
      message: 'must be at most 600 characters',
    });
    expect(normalizeTextBlock({ maxLength: 5000 }, 'x'.repeat(2001))).toMatchObject({ ok: false });
    expect(normalizeTextBlock(block, 'a\u0007b')).toMatchObject({ ok: false });
    expect(normalizeTextBlock(block, 'a\u202eb')).toMatchObject({ ok: false });
  });

  it('refuses any address when links are not allowed', () => {
    for (const text of [
      'See https://partner.example/offer',
      'Visit www.other.example today',
      'Mail ann@partner.example',
      'Go to other.example.',
      'javascript://alert(1)',
    ])
      expect(normalizeTextBlock(block, text, partner)).toMatchObject({
        ok: false,
        message: expect.stringContaining('must not contain links'),
      });
    expect(normalizeTextBlock(block, 'No links here, e.g. none at all.', partner)).toMatchObject({ ok: true });
  });

  it("allows links only to the partner's own website", () => {
    expect(normalizeTextBlock(linked, 'See https://partner.example/offer.', partner)).toMatchObject({ ok: true });
    expect(normalizeTextBlock(linked, 'See https://www.partner.example/x', partner)).toMatchObject({ ok: true });
    expect(normalizeTextBlock(linked, 'See https://shop.partner.example/x', partner)).toMatchObject({ ok: true });
    expect(normalizeTextBlock(linked, 'Mail sales@partner.example', partner)).toMatchObject({ ok: true });
    for (const text of [
      'See https://evil.example/',
      'See https://partner.example.evil.example/',
      'See https://notpartner.example/',
      'See ftp://partner.example/',
      'See https://user@partner.example/',
      'Mail sales@evil.example',
      'Go to evil.example',
    ])
      expect(normalizeTextBlock(linked, text, partner)).toMatchObject({
        ok: false,
        message: expect.stringContaining("partner's own website"),
      });
    expect(normalizeTextBlock(linked, 'See https://partner.example/', {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('names no website'),
    });
  });

  it('is what normalizeSlotValue answers for text_block slots', () => {
    expect(normalizeSlotValue({ type: 'text_block', maxLength: 50 }, ' Hi\n\nthere ')).toEqual({
      ok: true,
      value: 'Hi\n\nthere',
    });
    expect(normalizeSlotValue({ type: 'text_block' }, 42)).toMatchObject({ ok: false });
  });
});

describe('textBlockHtml', () => {
  it('escapes everything and formats only the documented subset', () => {
    expect(textBlockHtml('<script>alert("x")</script> {{partner.x}}', { links: false })).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#123;&#123;partner.x&#125;&#125;',
    );
    expect(textBlockHtml('We are **fast** and _friendly_.\nCall us.\n\nBye', { links: false })).toBe(
      'We are <strong>fast</strong> and <em>friendly</em>.<br />Call us.<br /><br />Bye',
    );
    expect(textBlockHtml('snake_case_name stays, ** not bold **', { links: false })).toBe(
      'snake_case_name stays, ** not bold **',
    );
  });

  it('links web addresses only when asked, keeping trailing punctuation out', () => {
    expect(textBlockHtml('See https://partner.example/a_b_c.', { links: true })).toBe(
      'See <a href="https://partner.example/a_b_c" target="_blank">https://partner.example/a_b_c</a>.',
    );
    expect(textBlockHtml('See https://partner.example/', { links: false })).toBe('See https://partner.example/');
  });
});

describe('websiteHost', () => {
  it('reads the host of a website, with or without scheme and www', () => {
    expect(websiteHost('https://www.Partner.example/about')).toBe('partner.example');
    expect(websiteHost('partner.example')).toBe('partner.example');
    expect(websiteHost(null)).toBeNull();
    expect(websiteHost('not a url')).toBeNull();
  });
});
