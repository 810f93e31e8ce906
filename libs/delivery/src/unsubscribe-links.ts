import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';
import { SignedSendLinks, signedSendTokenPattern } from './signed-send-links';

/** The shape of a token, wherever it travels (a URL, a mailto subject). */
export const UNSUBSCRIBE_TOKEN = signedSendTokenPattern(true);

/**
 * Unsubscribe links. Emails sent before send references existed carry the plain send id, so
 * those are still accepted (an unsubscribe link must keep working).
 */
@Injectable()
export class UnsubscribeLinks extends SignedSendLinks {
  constructor(signer: Signer, refs: SendRefs, config: AppConfig) {
    super(signer, refs, config, { purpose: 'unsubscribe', path: '/u', acceptsPlainIds: true });
  }

  /** A mailbox handled by POST /unsubscribe/inbound; the token travels in the subject. */
  mailto(sendId: string, domain: string): string {
    return this.both(sendId, domain).mailto;
  }

  /** The https and mailto addresses of a send, from one signature. */
  both(sendId: string, domain: string): { url: string; mailto: string } {
    const token = this.token(sendId);
    return { url: this.urlOf(token), mailto: `mailto:unsubscribe@${domain}?subject=unsubscribe%20${token}` };
  }
}
