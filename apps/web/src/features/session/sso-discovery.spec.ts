import { describe, expect, it } from 'vitest';
import { looksComplete, notShownYet } from './sso-discovery';

describe('looksComplete', () => {
  it('asks about a whole address only, not one being typed', () => {
    expect(
      ['ana', 'ana@', 'ana@acme', 'ana@acme.', 'ana@acme.e', 'ana @acme.example', '@acme.example'].map(looksComplete),
    ).toEqual([false, false, false, false, false, false, false]);
    expect(looksComplete('ana@acme.example')).toBe(true);
    expect(looksComplete('ana.b+sso@mail.acme.co.uk')).toBe(true);
  });
});

describe('notShownYet', () => {
  it("keeps the domain's buttons the vendor's row does not already show, in their order", () => {
    const vendor = [{ id: 'v1' }, { id: 'shared' }];
    const discovered = [{ id: 'p1' }, { id: 'shared' }, { id: 'p2' }];
    expect(notShownYet(discovered, vendor)).toEqual([{ id: 'p1' }, { id: 'p2' }]);
    expect(notShownYet(discovered, [])).toEqual(discovered);
  });
});
