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

  it('accepts only the canonical spelling of a signature', () => {
    const sig = sut.sign('click', '42|0||https://example.com/');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 16 bytes in 22 characters: the last one carries 4 unused bits, so 16 last characters
    // decode to the same bytes; padding, characters outside the alphabet and whitespace are
    // skipped by a base64 decoder.
    const sameBytes = [...alphabet]
      .map((c) => sig.slice(0, -1) + c)
      .filter((s) => s !== sig && Buffer.from(s, 'base64url').equals(Buffer.from(sig, 'base64url')));
    expect(sameBytes).toHaveLength(15);
    const variants = [
      ...sameBytes,
      `${sig}=`,
      `${sig}==`,
      `${sig.slice(0, 10)}.${sig.slice(10)}`,
      `${sig.slice(0, 5)}!${sig.slice(5)}`,
      ` ${sig}`,
      `${sig}\n`,
      sig.replace(/-/g, '+').replace(/_/g, '/'),
      `${sig.slice(0, -1)}\u0100${sig.slice(-1)}`,
    ].filter((v) => v !== sig);
    expect(variants.length).toBeGreaterThanOrEqual(22);
    for (const variant of variants)
      expect([variant, sut.verify('click', '42|0||https://example.com/', variant)]).toEqual([variant, false]);
    expect(sut.verify('click', '42|0||https://example.com/', sig)).toBe(true);
  });

  it('seals and unseals secrets, and detects tampering', () => {
    const sealed = sut.seal('smtp://user:p4ss@mail.example:587');
    expect(sealed).not.toContain('p4ss');
    expect(sut.unseal(sealed)).toBe('smtp://user:p4ss@mail.example:587');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => sut.unseal(parts.join('.'))).toThrow();
  });

  it('conceals ids in opaque tokens that reveal them only to itself, and nothing else', () => {
    const tokens = ['1', '80', '81', '9007199254740993', '9223372036854775807'].map(
      (id) => [id, sut.concealId('send', id)] as const,
    );
    for (const [id, token] of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(sut.concealId('send', id)).toBe(token);
      expect(sut.revealId('send', token)).toBe(id);
      expect(sut.revealId('other', token)).toBeNull();
      expect(new Signer('y'.repeat(40)).revealId('send', token)).toBeNull();
    }
    // Neighbouring ids share nothing a reader could count with.
    const [, eighty] = tokens[1];
    const [, eightyOne] = tokens[2];
    expect([...eighty].filter((c, i) => c === eightyOne[i]).length).toBeLessThan(6);
    // Made-up, altered or re-spelt tokens reveal nothing.
    const alteredLast = `${eighty.slice(0, -1)}${eighty.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [alteredLast, `${eighty}=`, eighty.slice(1), 'A'.repeat(22), '80', ''])
      expect(sut.revealId('send', bad)).toBeNull();
    expect(() => sut.concealId('send', '0')).toThrow();
  });

  it('makes the same tokens and signatures as ever: links in emails already sent keep their meaning', () => {
    // Made by the signer as it was before its keys and ciphers were kept between calls.
    expect(sut.concealId('send', '80')).toBe('s0odmVBtIW9RP647XdOE7g');
    expect(sut.concealId('send', '9223372036854775807')).toBe('5mx4VGHRMZ6DtQ2J-sPY1A');
    expect(sut.sign('click', '42|0||https://example.com/')).toBe('kfCMxddde6PQsHuOic51QQ');
    // A refused token between two good ones leaves the kept decipher as it was.
    expect(sut.revealId('send', 's0odmVBtIW9RP647XdOE7g')).toBe('80');
    expect(sut.revealId('send', 'A'.repeat(22))).toBeNull();
    expect(sut.revealId('send', '5mx4VGHRMZ6DtQ2J-sPY1A')).toBe('9223372036854775807');
  });
});
