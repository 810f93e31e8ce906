import { checkedNotice } from './notice';

describe(checkedNotice.name, () => {
  const base = { to: 'pat@partner.example', subject: 'Welcome', text: 'Hello' };

  it('accepts one plain address and a one-line subject, trimmed', () => {
    expect(checkedNotice({ ...base, to: ' pat@partner.example ', subject: ' Your\r\ninvitation ' })).toEqual({
      ok: true,
      notice: { ...base, subject: 'Your invitation' },
    });
  });

  it.each([
    ['a second recipient', 'pat@partner.example, eve@evil.example'],
    ['a display name', 'Pat <pat@partner.example>'],
    ['a header injection', 'pat@partner.example\r\nBcc: eve@evil.example'],
    ['no domain', 'pat'],
  ])('refuses %s', (_what, to) => {
    expect(checkedNotice({ ...base, to })).toMatchObject({ ok: false });
  });

  it('refuses an empty or overlong subject', () => {
    expect(checkedNotice({ ...base, subject: ' \n ' })).toMatchObject({ ok: false });
    expect(checkedNotice({ ...base, subject: 'x'.repeat(201) })).toMatchObject({ ok: false });
  });
});
