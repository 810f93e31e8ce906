import { isPrivateAddress, RefusedTargetError, resolvePublicTarget } from './target-guard';

describe('isPrivateAddress', () => {
  it.each([
    '10.1.2.3',
    '127.0.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '193.0.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe(resolvePublicTarget.name, () => {
  it('refuses a private literal address unless it is allowed', async () => {
    await expect(resolvePublicTarget(new URL('https://10.0.0.1/hook'), new Set())).rejects.toBeInstanceOf(
      RefusedTargetError,
    );
    await expect(resolvePublicTarget(new URL('http://[::1]:8080/hook'), new Set())).rejects.toBeInstanceOf(
      RefusedTargetError,
    );
    await expect(resolvePublicTarget(new URL('http://127.0.0.1:9/hook'), new Set(['127.0.0.1']))).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });

  it('checks what a name resolves to', async () => {
    await expect(resolvePublicTarget(new URL('https://localhost/hook'), new Set())).rejects.toThrow(
      /localhost resolves to .*private, loopback or link-local/,
    );
  });
});
