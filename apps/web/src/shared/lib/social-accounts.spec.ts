import { describe, expect, it } from 'vitest';
import { accountPickers, choiceFor, type AccountOption } from './social-accounts';

const older: AccountOption = { id: 'c1', network: 'linkedin', accountName: 'Pat Older', status: 'active' };
const newer: AccountOption = { id: 'c2', network: 'linkedin', accountName: 'Pat Newer', status: 'expiring' };
const gone: AccountOption = { id: 'c3', network: 'linkedin', accountName: 'Pat Gone', status: 'revoked' };
const page: AccountOption = { id: 'c4', network: 'facebook', accountName: 'Northwind', status: 'active' };
const none = () => false;

describe(accountPickers.name, () => {
  it('offers a choice on a network with several working accounts, the most recently connected as the default', () => {
    expect(accountPickers([older, newer, gone, page], ['linkedin', 'facebook'], {}, none)).toEqual([
      { network: 'linkedin', accounts: [older, newer], defaultAccount: newer },
    ]);
  });

  it('keeps a picker with a choice made or an error to show, even with one account', () => {
    expect(accountPickers([page], ['facebook'], { facebook: 'c4' }, none)).toHaveLength(1);
    expect(accountPickers([page], ['facebook'], {}, (n) => n === 'facebook')).toHaveLength(1);
    expect(accountPickers([older, newer], ['facebook'], {}, none)).toEqual([]);
  });
});

describe(choiceFor.name, () => {
  it('sends only the accounts of the networks posted to', () => {
    expect(choiceFor(['linkedin'], { linkedin: 'c1', facebook: 'c4' })).toEqual({ linkedin: 'c1' });
    expect(choiceFor(['x'], { linkedin: 'c1' })).toEqual({});
  });
});
