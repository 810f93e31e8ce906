import { Injectable } from '@nestjs/common';
import { Signer } from './signer';

const PURPOSE = 'send';

/**
 * How a send is named to the people who receive it (Message-ID, tracking and unsubscribe
 * links): an opaque token that the engine alone can turn back into the ledger's id. The
 * ledger's ids are sequential, and would tell any recipient how much a sender sends.
 */
@Injectable()
export class SendRefs {
  constructor(private readonly signer: Signer) {}

  of(sendId: string): string {
    return this.signer.concealId(PURPOSE, sendId);
  }

  /** The send a token names, or null when it is not one of ours. */
  idOf(ref: string): string | null {
    return this.signer.revealId(PURPOSE, ref);
  }

  /**
   * The send a link in an email names: its opaque reference, or the plain id links carried
   * before references existed (emails already sent keep working: an unsubscribe link must).
   * The link's own signature, made over the id either way, is what makes it genuine.
   */
  idOfLink(ref: string): string | null {
    return /^\d{1,18}$/.test(ref) ? ref : this.idOf(ref);
  }
}
