import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/**
 * Characters of a short code: 62^10 ≈ 8·10^17 (59 bits), so nobody finds a post's link by
 * trying codes, while the link stays short (LinkedIn and Facebook count its real length).
 * Letters and digits only: nothing a network's formatting escapes or a sentence could end with.
 */
export const SOCIAL_CODE_LENGTH = 10;
const CODE = new RegExp(`^[0-9A-Za-z]{${SOCIAL_CODE_LENGTH}}$`);

/**
 * The short tracked links in social posts: `<PUBLIC_BASE_URL>/s/<code>`. Unlike an email's
 * signed link, the target is not in the link (that would make it long): the code is random and
 * names a row holding the post's own target, so a made-up code redirects nowhere.
 */
@Injectable()
export class SocialLinks {
  constructor(private readonly config: AppConfig) {}

  newCode(): string {
    let code = '';
    for (let i = 0; i < SOCIAL_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    return code;
  }

  url(code: string): string {
    return `${this.config.publicBaseUrl}/s/${code}`;
  }

  /** Whether a path segment can be a code at all (anything else is answered 404 without a query). */
  static isCode(value: string): boolean {
    return CODE.test(value);
  }
}
