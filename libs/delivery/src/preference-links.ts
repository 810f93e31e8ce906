import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';
import { SignedSendLinks } from './signed-send-links';

/**
 * Preference-page links ({{links.preferences}}): signed for their own purpose (an unsubscribe
 * token does not open the preference page, nor the reverse). They were never sent with plain ids.
 */
@Injectable()
export class PreferenceLinks extends SignedSendLinks {
  constructor(signer: Signer, refs: SendRefs, config: AppConfig) {
    super(signer, refs, config, { purpose: 'preferences', path: '/preferences', acceptsPlainIds: false });
  }
}
