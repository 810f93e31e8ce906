import { ManualClock } from '@tcma/clock';
import { Signer } from '@tcma/signing';
import { ACTION_TOKEN_TTL_MS, EmailActionTokens } from './email-action-tokens';

describe(EmailActionTokens.name, () => {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const sut = new EmailActionTokens(new Signer('a'.repeat(48)), clock);
  const claim = { pendingLaunchId: 'pl-1', vendorId: 'v-1', partnerId: 'p-1', userId: 'u-1' };

  it('reads back what it issued, until it lapses', () => {
    const token = sut.issue({ ...claim, action: 'skip' });
    expect(sut.read(token)).toEqual({
      ...claim,
      action: 'skip',
      until: Math.floor((clock.now().getTime() + ACTION_TOKEN_TTL_MS) / 1000),
    });
    clock.set(new Date(clock.now().getTime() + ACTION_TOKEN_TTL_MS));
    expect(sut.read(token)).toBeNull();
  });

  it('serves one purpose: a Skip token relabelled as Launch does not verify', () => {
    clock.set('2026-11-23T09:00:00Z');
    const [, payload, signature] = sut.issue({ ...claim, action: 'skip' }).split('.');
    expect(sut.read(`launch.${payload}.${signature}`)).toBeNull();
  });

  it('refuses altered and foreign tokens', () => {
    const token = sut.issue({ ...claim, action: 'launch' });
    const [action, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), u: 'u-2' }),
    ).toString('base64url');
    expect(sut.read(`${action}.${forged}.${signature}`)).toBeNull();
    expect(sut.read(`${token}.extra`)).toBeNull();
    expect(
      sut.read(new EmailActionTokens(new Signer('b'.repeat(48)), clock).issue({ ...claim, action: 'launch' })),
    ).toBeNull();
    expect(sut.read('launch..')).toBeNull();
  });
});
