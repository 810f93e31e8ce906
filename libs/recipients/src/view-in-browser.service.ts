import { Injectable } from '@nestjs/common';
import { SentEmails } from '@tcma/nurture';
import { TrackingLinks } from '@tcma/tracking';

/** "View in your browser": a sent email, rendered again for the signed link in it. */
@Injectable()
export class ViewInBrowserService {
  constructor(
    private readonly links: TrackingLinks,
    private readonly sentEmails: SentEmails,
  ) {}

  /** The email's HTML, or null when the link is not genuine or the email is gone. */
  async html(sendRef: string, sig: string): Promise<string | null> {
    const sendId = this.links.verifyView(sendRef, sig);
    return sendId ? this.sentEmails.htmlForSystem(sendId) : null;
  }
}
