import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const MAX_ID = 2n ** 63n - 1n;

/**
 * Signatures and sealed secrets from the instance secret. Each purpose (unsubscribe links,
 * tracking links, stored SMTP passwords) gets its own derived key, so a signature made for
 * one purpose never verifies for another.
 */
export class Signer {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: string) {}

  private key(purpose: string): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = createHmac('sha256', this.secret).update(`tcma:${purpose}`).digest();
      this.keys.set(purpose, key);
    }
    return key;
  }

  /** A 16-byte HMAC of the payload, base64url. */
  sign(purpose: string, payload: string): string {
    return createHmac('sha256', this.key(purpose)).update(payload).digest().subarray(0, 16).toString('base64url');
  }

  /**
   * True only for the exact signature `sign` makes: the text is compared, not the bytes it
   * decodes to. Base64url decoding forgives too much to compare after it (a last character's
   * unused bits, padding, characters outside the alphabet are all ignored), and a signature
   * with many spellings is one a link can be altered around and still verify.
   */
  verify(purpose: string, payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /**
   * An id (a positive bigint, as text) as an opaque 22-character token, the same every time:
   * one AES-256 block of the id and 8 bytes of its HMAC, so a token reveals nothing of the id
   * (a send's number would tell a recipient the sender's volume) and a made-up token reveals
   * to nothing.
   */
  concealId(purpose: string, id: string): string {
    const value = BigInt(id);
    if (value < 1n || value > MAX_ID) throw new Error(`Not an id: ${id}`);
    const block = Buffer.alloc(16);
    block.writeBigUInt64BE(value, 0);
    createHmac('sha256', this.key(`${purpose}:check`))
      .update(id)
      .digest()
      .copy(block, 8, 0, 8);
    const cipher = createCipheriv('aes-256-ecb', this.key(`${purpose}:conceal`), null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
  }

  /** The id an opaque token of concealId stands for, or null for any other text. */
  revealId(purpose: string, token: string): string | null {
    if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
    const sealed = Buffer.from(token, 'base64url');
    // Only the canonical spelling (a last character's unused bits must be zero).
    if (sealed.length !== 16 || sealed.toString('base64url') !== token) return null;
    const decipher = createDecipheriv('aes-256-ecb', this.key(`${purpose}:conceal`), null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
    const value = block.readBigUInt64BE(0);
    if (value < 1n || value > MAX_ID) return null;
    const id = value.toString();
    const check = createHmac('sha256', this.key(`${purpose}:check`))
      .update(id)
      .digest()
      .subarray(0, 8);
    return timingSafeEqual(check, block.subarray(8)) ? id : null;
  }

  /** AES-256-GCM, for secrets kept in the database (SMTP passwords, DKIM keys). */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key('seal'), iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
      '.',
    );
  }

  unseal(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key('seal'), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
