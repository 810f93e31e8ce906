import { afterEach, describe, expect, it } from 'vitest';
import { forgetNext, rememberNext, safeNextPath, takeNext, withNext } from './next-path';

describe('safeNextPath', () => {
  it.each([
    [
      '/portal/campaigns/0b6f6a0e-2b1c-4c39-9a55-3f3f1d2f9c11',
      '/portal/campaigns/0b6f6a0e-2b1c-4c39-9a55-3f3f1d2f9c11',
    ],
    ['/portal/launches/1?tab=progress#results', '/portal/launches/1?tab=progress#results'],
    ['/console', '/console'],
    ['/', '/'],
  ])('keeps the app’s own path %s', (value, kept) => {
    expect(safeNextPath(value)).toBe(kept);
  });

  it.each([
    ['another origin', 'https://evil.example/portal'],
    ['a protocol-relative address', '//evil.example/portal'],
    ['a protocol-relative address with a backslash', '/\\evil.example/portal'],
    ['a backslash anywhere', '/portal\\..\\//evil.example'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a data: address', 'data:text/html,hi'],
    ['a relative path', 'portal/campaigns'],
    ['a tab or a newline', '/\t/evil.example'],
    ['leading spaces', ' //evil.example'],
    ['an encoded protocol-relative address', '/%2F%2Fevil.example'],
    ['the empty string', ''],
    ['nothing', null],
    ['an overlong path', `/${'a'.repeat(2100)}`],
  ])('refuses %s', (_what, value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it.each(['/sign-in', '/sign-in?next=/portal', '/reset-password/abc', '/invitations/abc'])(
    'refuses a page of the sign-in flow itself (%s): it would loop',
    (value) => {
      expect(safeNextPath(value)).toBeNull();
    },
  );
});

describe('withNext', () => {
  it('carries a safe next path in the query', () => {
    expect(withNext('/sign-in', '/portal/campaigns/1?x=2')).toBe('/sign-in?next=%2Fportal%2Fcampaigns%2F1%3Fx%3D2');
  });

  it('drops an unsafe one', () => {
    expect(withNext('/sign-in', '//evil.example')).toBe('/sign-in');
    expect(withNext('/reset-password', null)).toBe('/reset-password');
  });
});

describe('the tab’s remembered next path', () => {
  afterEach(() => sessionStorage.clear());

  it('is taken once', () => {
    rememberNext('/portal/launches/1');
    expect(takeNext()).toBe('/portal/launches/1');
    expect(takeNext()).toBeNull();
  });

  it('never keeps an unsafe path, even one written to storage by hand', () => {
    rememberNext('//evil.example');
    expect(takeNext()).toBeNull();
    sessionStorage.setItem('tcma.next', 'https://evil.example/');
    expect(takeNext()).toBeNull();
  });

  it('is forgotten on demand', () => {
    rememberNext('/console');
    forgetNext();
    expect(takeNext()).toBeNull();
  });
});
