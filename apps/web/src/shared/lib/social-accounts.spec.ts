import { describe, expect, it } from 'vitest';
import { accountPickers, choiceFor, type AccountOption } from './social-accounts';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const connection = (o: Partial<AccountOption> & Pick<AccountOption, 'id' | 'accountName'>): AccountOption => ({
  network: 'linkedin',
  status: 'active',
  expiresAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...o,
});
const older = connection({ id: 'c1', accountName: 'Pat Older', createdAt: '2026-03-01T10:00:00.000Z' });
const newer = connection({
  id: 'c2',
  accountName: 'Pat Newer',
  status: 'expiring',
  expiresAt: '2026-11-30T00:00:00.000Z',
  createdAt: '2026-06-01T10:00:00.000Z',
});
const gone = connection({
  id: 'c3',
  accountName: 'Pat Gone',
  status: 'revoked',
  createdAt: '2026-09-01T10:00:00.000Z',
});
const page = connection({ id: 'c4', network: 'facebook', accountName: 'Northwind' });
const none = () => false;

describe(accountPickers.name, () => {
  it('offers a choice on a network with several working accounts, the most recently connected as the default', () => {
    expect(accountPickers([older, newer, gone, page], ['linkedin'], {}, none, NOW)).toEqual([
      { kind: 'choose', network: 'linkedin', accounts: [older, newer], defaultAccount: newer },
    ]);
  });

  it('orders by the time each was connected, whatever the order it is given in', () => {
    expect(accountPickers([newer, older], ['linkedin'], {}, none, NOW)).toEqual([
      expect.objectContaining({ accounts: [older, newer], defaultAccount: newer }),
    ]);
  });

  it('does not count an account whose access has ended as working', () => {
    const expired = { ...newer, expiresAt: '2026-11-23T08:59:00.000Z' };
    expect(accountPickers([older, expired], ['linkedin'], {}, none, NOW)).toEqual([
      { kind: 'show', network: 'linkedin', account: older },
    ]);
  });

  it('names the one account of a network, and says nothing of a network without one', () => {
    expect(accountPickers([older, gone, page], ['linkedin', 'facebook', 'x'], {}, none, NOW)).toEqual([
      { kind: 'show', network: 'linkedin', account: older },
      { kind: 'show', network: 'facebook', account: page },
    ]);
  });

  it('keeps a select with a choice made or an error to show, even with one account', () => {
    expect(accountPickers([page], ['facebook'], { facebook: 'c4' }, none, NOW)).toEqual([
      { kind: 'choose', network: 'facebook', accounts: [page], defaultAccount: page },
    ]);
    expect(accountPickers([page], ['facebook'], {}, (n) => n === 'facebook', NOW)).toEqual([
      expect.objectContaining({ kind: 'choose', network: 'facebook' }),
    ]);
    expect(accountPickers([older, newer], ['facebook'], {}, none, NOW)).toEqual([]);
  });

  it('shows a chosen account that no longer works, or was removed, so it can be changed', () => {
    expect(accountPickers([older, newer, gone], ['linkedin'], { linkedin: 'c3' }, none, NOW)).toEqual([
      expect.objectContaining({ lost: { id: 'c3', account: gone } }),
    ]);
    expect(accountPickers([older, newer], ['linkedin'], { linkedin: 'c9' }, none, NOW)).toEqual([
      expect.objectContaining({ lost: { id: 'c9', account: null } }),
    ]);
  });
});

describe(choiceFor.name, () => {
  it('sends only the accounts of the networks posted to', () => {
    expect(choiceFor(['linkedin'], { linkedin: 'c1', facebook: 'c4' })).toEqual({ linkedin: 'c1' });
    expect(choiceFor(['x'], { linkedin: 'c1' })).toEqual({});
  });
});
