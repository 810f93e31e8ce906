import { littleText } from './linkedin.adapter';
import { retryAfterOf } from './social-http';

describe(retryAfterOf.name, () => {
  const now = Date.parse('2026-11-23T09:00:00Z');
  it('reads Retry-After as seconds or as a date, else X’s reset time, else a minute', () => {
    expect(retryAfterOf(new Headers({ 'retry-after': '42' }), now)).toBe(42);
    expect(retryAfterOf(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 09:02:00 GMT' }), now)).toBe(120);
    expect(retryAfterOf(new Headers({ 'x-rate-limit-reset': String(now / 1000 + 900) }), now)).toBe(900);
    expect(retryAfterOf(new Headers(), now)).toBe(60);
    expect(retryAfterOf(new Headers({ 'retry-after': '0' }), now)).toBe(1);
  });

  it('waits for X’s 24-hour user or app limit when that is the one used up', () => {
    const x = (extra: Record<string, string>) =>
      new Headers({ 'x-rate-limit-remaining': '37', 'x-rate-limit-reset': String(now / 1000 + 900), ...extra });
    const inHours = (h: number) => String(now / 1000 + h * 3600);
    expect(
      retryAfterOf(x({ 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': inHours(20) }), now),
    ).toBe(20 * 3600);
    expect(retryAfterOf(x({ 'x-app-limit-24hour-remaining': '0', 'x-app-limit-24hour-reset': inHours(3) }), now)).toBe(
      3 * 3600,
    );
    // A 24-hour limit with calls left is not the one that refused.
    expect(
      retryAfterOf(x({ 'x-user-limit-24hour-remaining': '5', 'x-user-limit-24hour-reset': inHours(20) }), now),
    ).toBe(900);
  });
});

describe(littleText.name, () => {
  it('escapes the characters LinkedIn reads as markup, and nothing else', () => {
    expect(littleText('Hi @team (new) #launch [x] {y} <z> a_b *c* ~d~ e|f \\ g: https://t.example/c/a-b?x=1')).toBe(
      'Hi \\@team \\(new\\) \\#launch \\[x\\] \\{y\\} \\<z\\> a\\_b \\*c\\* \\~d\\~ e\\|f \\\\ g: https://t.example/c/a-b?x=1',
    );
  });
});
