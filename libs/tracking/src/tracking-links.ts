import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Signer } from '@tcma/signing';

export interface ClickToken {
  sendId: string;
  index: number;
  name: string | null;
  target: string;
}

const SEND_ID = /^\d{1,18}$/;

/**
 * The engine's public links inside a sent email, each signed so that nobody can make one up:
 * a tracked click (HMAC over the send, the link and its target: a tampered target never
 * redirects), the open pixel, and "view in your browser".
 */
@Injectable()
export class TrackingLinks {
  constructor(
    private readonly signer: Signer,
    private readonly config: AppConfig,
  ) {}

  click(sendId: string, link: { index: number; url: string; name: string | null }): string {
    const sig = this.signer.sign('click', `${sendId}|${link.index}|${link.name ?? ''}|${link.url}`);
    const name = link.name ? `&n=${encodeURIComponent(link.name)}` : '';
    return `${this.config.publicBaseUrl}/c/${sendId}/${link.index}/${sig}?u=${encodeURIComponent(link.url)}${name}`;
  }

  verifyClick(sendId: string, index: string, sig: string, target: unknown, name: unknown): ClickToken | null {
    if (!SEND_ID.test(sendId) || !/^\d{1,4}$/.test(index) || typeof target !== 'string' || target.length > 4096) return null;
    const linkName = typeof name === 'string' && name ? name : null;
    if (!this.signer.verify('click', `${sendId}|${index}|${linkName ?? ''}|${target}`, sig)) return null;
    if (!/^https?:\/\//i.test(target)) return null;
    return { sendId, index: Number(index), name: linkName, target };
  }

  openPixel(sendId: string): string {
    return `${this.config.publicBaseUrl}/o/${sendId}/${this.signer.sign('open', sendId)}.gif`;
  }

  verifyOpen(sendId: string, sig: string): boolean {
    return SEND_ID.test(sendId) && this.signer.verify('open', sendId, sig);
  }

  viewInBrowser(sendId: string): string {
    return `${this.config.publicBaseUrl}/v/${sendId}/${this.signer.sign('view', sendId)}`;
  }

  verifyView(sendId: string, sig: string): boolean {
    return SEND_ID.test(sendId) && this.signer.verify('view', sendId, sig);
  }
}
