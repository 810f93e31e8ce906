import { Injectable } from '@nestjs/common';
import { Signer } from '@tcma/signing';
import { createHash, randomBytes } from 'node:crypto';

export type LinkPurpose = 'invitation' | 'password-reset';

/**
 * The tokens of emailed links (invitations, password resets): 32 random bytes and their
 * signature for the link's purpose. A token altered or made up fails the signature before
 * the database is asked; a real one is found by its SHA-256, the only thing stored.
 */
@Injectable()
export class LinkTokens {
  constructor(private readonly signer: Signer) {}

  issue(purpose: LinkPurpose): { token: string; hash: Buffer } {
    const secret = randomBytes(32).toString('base64url');
    const token = `${secret}.${this.signer.sign(`link:${purpose}`, secret)}`;
    return { token, hash: tokenHash(token) };
  }

  /** The hash to look the token up by, or null when it is not one this installation signed for the purpose. */
  hashOf(purpose: LinkPurpose, token: string): Buffer | null {
    const match = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22})$/.exec(token);
    if (!match || !this.signer.verify(`link:${purpose}`, match[1], match[2])) return null;
    return tokenHash(token);
  }
}

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
