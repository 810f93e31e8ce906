import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendRefs, Signer } from '@tcma/signing';

export interface ClickToken {
  sendId: string;
  index: number;
  name: string | null;
  target: string;
}

/**
 * The engine's public links inside a sent email, each signed so that nobody can make one up:
 * a tracked click (HMAC over the send, the link and its target: a tampered target never
 * redirects), the open pixel, and "view in your browser". The send is named by its opaque
 * reference (SendRefs), never its ledger id.
 */
@Injectable()
export class TrackingLinks {
  constructor(
    private readonly signer: Signer,
    private readonly refs: SendRefs,
    private readonly config: AppConfig,
  ) {}

  click(sendId: string, link: { index: number; url: string; name: string | null }): string {
    const sig = this.signer.sign('click', `${sendId}|${link.index}|${link.name ?? ''}|${link.url}`);
    const name = link.name ? `&n=${encodeURIComponent(link.name)}` : '';
    return `${this.config.publicBaseUrl}/c/${this.refs.of(sendId)}/${link.index}/${sig}?u=${encodeURIComponent(link.url)}${name}`;
  }

  /** A genuine click link's send (its ledger id), link and target; null for anything else. */
  verifyClick(sendRef: string, index: string, sig: string, target: unknown, name: unknown): ClickToken | null {
    const sendId = this.refs.idOfLink(sendRef);
    if (!sendId || !/^\d{1,4}$/.test(index) || typeof target !== 'string' || target.length > 4096) return null;
    const linkName = typeof name === 'string' && name ? name : null;
    if (!this.signer.verify('click', `${sendId}|${index}|${linkName ?? ''}|${target}`, sig)) return null;
    if (!/^https?:\/\//i.test(target)) return null;
    return { sendId, index: Number(index), name: linkName, target };
  }

  openPixel(sendId: string): string {
    return `${this.config.publicBaseUrl}/o/${this.refs.of(sendId)}/${this.signer.sign('open', sendId)}.gif`;
  }

  /** The send (its ledger id) of a genuine open pixel; null for anything else. */
  verifyOpen(sendRef: string, sig: string): string | null {
    const sendId = this.refs.idOfLink(sendRef);
    return sendId && this.signer.verify('open', sendId, sig) ? sendId : null;
  }

  viewInBrowser(sendId: string): string {
    return `${this.config.publicBaseUrl}/v/${this.refs.of(sendId)}/${this.signer.sign('view', sendId)}`;
  }

  /** The send (its ledger id) of a genuine view-in-browser link; null for anything else. */
  verifyView(sendRef: string, sig: string): string | null {
    const sendId = this.refs.idOfLink(sendRef);
    return sendId && this.signer.verify('view', sendId, sig) ? sendId : null;
  }
}
