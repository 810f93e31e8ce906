import { describe, expect, it } from 'vitest';
import { accountPickers, choiceFor, type AccountOption } from './social-accounts';

// As GET /social-connections lists them: in the order they were connected, with the API's flags.
const connection = (o: Partial<AccountOption> & Pick<AccountOption, 'id' | 'accountName'>): AccountOption => ({
  network: 'linkedin',
  status: 'active',
  usable: true,
  postsByDefault: false,
  ...o,
});
const older = connection({ id: 'c1', accountName: 'Pat Older' });
const newer = connection({ id: 'c2', accountName: 'Pat Newer', status: 'expiring', postsByDefault: true });
const gone = connection({ id: 'c3', accountName: 'Pat Gone', status: 'revoked', usable: false });
const page = connection({ id: 'c4', network: 'facebook', accountName: 'Northwind', postsByDefault: true });
const none = () => false;

describe(accountPickers.name, () => {
  it('offers a choice on a network with several working accounts, the most recently connected as the default', () => {
    expect(accountPickers([older, newer, gone, page], ['linkedin'], {}, none)).toEqual([
      { kind: 'choose', network: 'linkedin', accounts: [older, newer], defaultAccount: newer },
    ]);
  });

  it('takes the API’s word for which accounts work and which is the default', () => {
    const expired = { ...newer, usable: false, postsByDefault: false };
    expect(accountPickers([older, expired], ['linkedin'], {}, none)).toEqual([
      { kind: 'show', network: 'linkedin', account: older },
    ]);
    const olderByDefault = { ...older, postsByDefault: true };
    expect(accountPickers([olderByDefault, { ...newer, postsByDefault: false }], ['linkedin'], {}, none)).toEqual([
      expect.objectContaining({ defaultAccount: olderByDefault }),
    ]);
  });

  it('names the one account of a network, and says nothing of a network without one', () => {
    expect(accountPickers([older, gone, page], ['linkedin', 'facebook', 'x'], {}, none)).toEqual([
      { kind: 'show', network: 'linkedin', account: older },
      { kind: 'show', network: 'facebook', account: page },
    ]);
  });

  it('keeps a select with a choice made or an error to show, even with one account', () => {
    expect(accountPickers([page], ['facebook'], { facebook: 'c4' }, none)).toEqual([
      { kind: 'choose', network: 'facebook', accounts: [page], defaultAccount: page },
    ]);
    expect(accountPickers([page], ['facebook'], {}, (n) => n === 'facebook')).toEqual([
      expect.objectContaining({ kind: 'choose', network: 'facebook' }),
    ]);
    expect(accountPickers([older, newer], ['facebook'], {}, none)).toEqual([]);
  });

  it('shows a chosen account that no longer works, or was removed, so it can be changed', () => {
    expect(accountPickers([older, newer, gone], ['linkedin'], { linkedin: 'c3' }, none)).toEqual([
      expect.objectContaining({ lost: { id: 'c3', account: gone } }),
    ]);
    expect(accountPickers([older, newer], ['linkedin'], { linkedin: 'c9' }, none)).toEqual([
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
