import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { EventsRepository } from './events.repository';
import { TrackingLinks } from './tracking-links';

/** The longest a prospect waits for an event to be written before being sent on anyway. */
const RECORD_BUDGET_MS = 500;

/** Who fetched a link: kept with the event, judged later (people and machines). */
export interface HitSource {
  userAgent: string | null;
  method: string;
}

/**
 * Opens and clicks from the signed links in sent emails. Only a genuine signature reaches
 * the event log (across tenants, by the send it names); recording is waited for at most
 * RECORD_BUDGET_MS and a failure is logged, never shown: the prospect always goes on.
 */
@Injectable()
export class TrackingHits {
  private readonly logger = new Logger(TrackingHits.name);

  constructor(
    private readonly links: TrackingLinks,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
  ) {}

  /** The target of a genuine click link, once the click is recorded; null for anything else. */
  async click(
    sendRef: string,
    index: string,
    sig: string,
    target: unknown,
    name: unknown,
    source: HitSource,
  ): Promise<string | null> {
    const click = this.links.verifyClick(sendRef, index, sig, target, name);
    if (!click) return null;
    await this.record({ sendId: click.sendId, type: 'clicked', linkIndex: click.index, linkName: click.name }, source);
    // The landing page learns which send brought the visitor, so a form there is attributed to it.
    return click.name === 'page' ? withSend(click.target, sendRef) : click.target;
  }

  /** Whether the open pixel's link is genuine (the open is then recorded). */
  async open(sendRef: string, sig: string, source: HitSource): Promise<boolean> {
    const sendId = this.links.verifyOpen(sendRef, sig);
    if (!sendId) return false;
    await this.record({ sendId, type: 'opened' }, source);
    return true;
  }

  private async record(
    event: { sendId: string; type: 'opened' | 'clicked'; linkIndex?: number; linkName?: string | null },
    source: HitSource,
  ): Promise<void> {
    const write = this.events
      .recordHitForSystem({ ...event, at: this.clock.now(), userAgent: source.userAgent, method: source.method })
      .catch((e: Error) => {
        this.logger.warn(`Could not record ${event.type} of send ${event.sendId}: ${e.message}`);
        return false;
      });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([write, new Promise((resolve) => (timer = setTimeout(resolve, RECORD_BUDGET_MS)))]);
    clearTimeout(timer);
  }
}

/** The landing page's address with the send's opaque reference (`s`), which its form posts back. */
function withSend(target: string, sendRef: string): string {
  const url = new URL(target);
  url.searchParams.set('s', sendRef);
  return url.href;
}
