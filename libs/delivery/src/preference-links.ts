import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';

const PURPOSE = 'preferences';

/**
 * Preference-page links ({{links.preferences}}): like unsubscribe links, `<send ref>.<hmac>`,
 * signed for their own purpose (an unsubscribe token does not open the preference page, nor
 * the reverse). They never expire and cannot be forged or guessed.
 */
@Injectable()
export class PreferenceLinks {
  constructor(
    private readonly signer: Signer,
    private readonly refs: SendRefs,
    private readonly config: AppConfig,
  ) {}

  token(sendId: string): string {
    return `${this.refs.of(sendId)}.${this.signer.sign(PURPOSE, sendId)}`;
  }

  url(sendId: string): string {
    return `${this.config.publicBaseUrl}/preferences/${this.token(sendId)}`;
  }

  /** The send a token names, or null when it is not one of ours. */
  verify(token: string): string | null {
    const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
    const sendId = m ? this.refs.idOf(m[1]) : null;
    return m && sendId && this.signer.verify(PURPOSE, sendId, m[2]) ? sendId : null;
  }
}
