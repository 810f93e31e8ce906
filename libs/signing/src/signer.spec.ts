import { Signer } from './signer';

describe(Signer.name, () => {
  const sut = new Signer('x'.repeat(40));
  it('verifies its own signatures only, per purpose', () => {
    const sig = sut.sign('unsubscribe', '123');
    expect(sut.verify('unsubscribe', '123', sig)).toBe(true);
    expect(sut.verify('unsubscribe', '124', sig)).toBe(false);
    expect(sut.verify('click', '123', sig)).toBe(false);
    expect(new Signer('y'.repeat(40)).verify('unsubscribe', '123', sig)).toBe(false);
    expect(sut.verify('unsubscribe', '123', 'garbage')).toBe(false);
  });

  it('seals and unseals secrets, and detects tampering', () => {
    const sealed = sut.seal('smtp://user:p4ss@mail.example:587');
    expect(sealed).not.toContain('p4ss');
    expect(sut.unseal(sealed)).toBe('smtp://user:p4ss@mail.example:587');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => sut.unseal(parts.join('.'))).toThrow();
  });
});
