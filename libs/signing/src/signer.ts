import {
  Cipher,
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  Decipher,
  KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const MAX_ID = 2n ** 63n - 1n;

/**
 * Signatures and sealed secrets from the instance secret. Each purpose (unsubscribe links,
 * tracking links, stored SMTP passwords) gets its own derived key, so a signature made for
 * one purpose never verifies for another.
 */
export class Signer {
  // Kept as KeyObjects: an HMAC keyed by a KeyObject costs about 60 % of one keyed by the same
  // bytes, which Node imports afresh each time (the click redirect verifies two per request).
  private readonly keys = new Map<string, KeyObject>();
  private readonly concealers = new Map<string, Concealer>();

  constructor(private readonly secret: string) {}

  private key(purpose: string): KeyObject {
    let key = this.keys.get(purpose);
    if (!key) {
      key = createSecretKey(createHmac('sha256', this.secret).update(`tcma:${purpose}`).digest());
      this.keys.set(purpose, key);
    }
    return key;
  }

  /**
   * The AES-256-ECB cipher and decipher of concealId's purpose, made once: without padding, ECB
   * turns each whole 16-byte block given to `update` into its 16 bytes at once and keeps no state
   * between blocks, so one long-lived pair serves every call (making a decipher per call was about
   * as costly as the click's signature check).
   */
  private concealer(purpose: string): Concealer {
    let concealer = this.concealers.get(purpose);
    if (!concealer) {
      const key = this.key(`${purpose}:conceal`);
      concealer = {
        check: this.key(`${purpose}:check`),
        cipher: createCipheriv('aes-256-ecb', key, null).setAutoPadding(false),
        decipher: createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false),
      };
      this.concealers.set(purpose, concealer);
    }
    return concealer;
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
    const { check, cipher } = this.concealer(purpose);
    const block = Buffer.alloc(16);
    block.writeBigUInt64BE(value, 0);
    createHmac('sha256', check).update(id).digest().copy(block, 8, 0, 8);
    return cipher.update(block).toString('base64url');
  }

  /** The id an opaque token of concealId stands for, or null for any other text. */
  revealId(purpose: string, token: string): string | null {
    if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
    const sealed = Buffer.from(token, 'base64url');
    // Only the canonical spelling (a last character's unused bits must be zero).
    if (sealed.length !== 16 || sealed.toString('base64url') !== token) return null;
    const { check, decipher } = this.concealer(purpose);
    const block = decipher.update(sealed);
    const value = block.readBigUInt64BE(0);
    if (value < 1n || value > MAX_ID) return null;
    const id = value.toString();
    const mac = createHmac('sha256', check).update(id).digest().subarray(0, 8);
    return timingSafeEqual(mac, block.subarray(8)) ? id : null;
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

/** concealId's keys for one purpose: the check's HMAC key and the block cipher both ways. */
interface Concealer {
  check: KeyObject;
  cipher: Cipher;
  decipher: Decipher;
}
