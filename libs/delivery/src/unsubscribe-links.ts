import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';

const PURPOSE = 'unsubscribe';

/** The shape of a token, wherever it travels (a URL, a mailto subject). */
export const UNSUBSCRIBE_TOKEN = /(?:[A-Za-z0-9_-]{22}|\d{1,18})\.[A-Za-z0-9_-]{22}/;

/**
 * Unsubscribe tokens name a send (by its opaque reference) and carry its signature:
 * `<send ref>.<hmac>`. They never expire (an unsubscribe link must keep working) and cannot be
 * forged or guessed.
 */
@Injectable()
export class UnsubscribeLinks {
  constructor(
    private readonly signer: Signer,
    private readonly refs: SendRefs,
    private readonly config: AppConfig,
  ) {}

  token(sendId: string): string {
    return `${this.refs.of(sendId)}.${this.signer.sign(PURPOSE, sendId)}`;
  }

  url(sendId: string): string {
    return `${this.config.publicBaseUrl}/u/${this.token(sendId)}`;
  }

  /** A mailbox handled by POST /unsubscribe/inbound; the token travels in the subject. */
  mailto(sendId: string, domain: string): string {
    return this.both(sendId, domain).mailto;
  }

  /** The https and mailto addresses of a send, from one signature. */
  both(sendId: string, domain: string): { url: string; mailto: string } {
    const token = this.token(sendId);
    return { url: `${this.config.publicBaseUrl}/u/${token}`, mailto: `mailto:unsubscribe@${domain}?subject=unsubscribe%20${token}` };
  }

  /** The send a token names, or null when it is not one of ours. */
  verify(token: string): string | null {
    const m = /^([A-Za-z0-9_-]{22}|\d{1,18})\.([A-Za-z0-9_-]{22})$/.exec(token);
    const sendId = m ? this.refs.idOfLink(m[1]) : null;
    return m && sendId && this.signer.verify(PURPOSE, sendId, m[2]) ? sendId : null;
  }
}
