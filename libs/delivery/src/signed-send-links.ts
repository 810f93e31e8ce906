import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';

/** How one kind of link is signed and where it points. */
export interface SignedSendLinkKind {
  /** The HMAC purpose: a token signed for one purpose never opens another's page. */
  purpose: string;
  /** The public path the token is appended to (`/u`, `/preferences`). */
  path: string;
  /**
   * Whether a plain numeric send id is accepted in place of the opaque reference: only links
   * that were sent before references existed need it (an unsubscribe link must keep working).
   */
  acceptsPlainIds: boolean;
}

const REF = '[A-Za-z0-9_-]{22}';
const PLAIN_ID = '\\d{1,18}';
const SIGNATURE = '[A-Za-z0-9_-]{22}';

const sendPart = (acceptsPlainIds: boolean): string => (acceptsPlainIds ? `${REF}|${PLAIN_ID}` : REF);

/** The shape of a token of a kind, unanchored (`<send ref>.<hmac>`). */
export function signedSendTokenPattern(acceptsPlainIds: boolean): RegExp {
  return new RegExp(`(?:${sendPart(acceptsPlainIds)})\\.${SIGNATURE}`);
}

/**
 * Links in an email that name a send: `<send ref>.<hmac over the send id>`. They never expire
 * and cannot be forged or guessed. Each kind signs for its own purpose, so the tokens of
 * already sent emails stay valid as long as purpose and format do not change.
 */
export abstract class SignedSendLinks {
  private readonly anchored: RegExp;

  protected constructor(
    private readonly signer: Signer,
    private readonly refs: SendRefs,
    private readonly config: AppConfig,
    private readonly kind: SignedSendLinkKind,
  ) {
    this.anchored = new RegExp(`^(${sendPart(kind.acceptsPlainIds)})\\.(${SIGNATURE})$`);
  }

  token(sendId: string): string {
    return `${this.refs.of(sendId)}.${this.signer.sign(this.kind.purpose, sendId)}`;
  }

  url(sendId: string): string {
    return this.urlOf(this.token(sendId));
  }

  /** The send a token names, or null when it is not one of ours. */
  verify(token: string): string | null {
    const m = this.anchored.exec(token);
    const sendId = m ? (this.kind.acceptsPlainIds ? this.refs.idOfLink(m[1]) : this.refs.idOf(m[1])) : null;
    return m && sendId && this.signer.verify(this.kind.purpose, sendId, m[2]) ? sendId : null;
  }

  protected urlOf(token: string): string {
    return `${this.config.publicBaseUrl}${this.kind.path}/${token}`;
  }
}
