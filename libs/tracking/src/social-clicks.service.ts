import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { BroadcastChannel, BroadcastListener, BroadcastMessages, Broadcasts } from '@tcma/queue';
import { judgeSocialClick } from './machine-rules';
import { LiveSocialLink, SocialClicksRepository } from './social-clicks.repository';
import { SocialLinks } from './social-links';
import type { HitSource } from './tracking-hits.service';

/** The longest a visitor waits for a click of a known link to be written (as for email clicks). */
const RECORD_BUDGET_MS = 500;
/** Links seen lately, kept in memory: a link's target never changes, and a post's clicks come in bursts. */
const KNOWN_TARGETS = 10_000;
/** Codes no post has (or whose post was cancelled), kept in memory so that asking again costs no statement. */
export const UNKNOWN_CODES = 10_000;
/** How long an unknown code is answered from memory. */
export const UNKNOWN_CODE_TTL_MS = 10 * 60_000;

/**
 * Clicks of social posts' short tracked links. A link's first click waits for the statement that
 * both records it and reads its target; afterwards the target is known in memory and the click
 * is written in the background, waited for at most RECORD_BUDGET_MS, as an email's click is.
 * Each click is judged as written (machine-rules judgeSocialClick): preview fetchers are kept but
 * not counted.
 *
 * A link stops redirecting when its post is cancelled or deleted: every process hears of it over
 * Redis (BroadcastChannel.SocialLinksGone) and forgets the link, and a write that finds the link
 * gone within the budget answers 404 too. A process keeps links in memory only while it hears
 * those messages. Codes no post has are remembered for UNKNOWN_CODE_TTL_MS (the last
 * UNKNOWN_CODES of them), so a made-up code asked again costs no statement: a code is random (59
 * bits) and written with its post before anyone can know it, so none becomes real meanwhile.
 */
@Injectable()
export class SocialClicks {
  private readonly logger = new Logger(SocialClicks.name);
  private readonly targets = new Map<string, LiveSocialLink>();
  /** Unknown code → until when (ms) it is answered from memory. */
  private readonly unknown = new Map<string, number>();
  /** Moves on every eviction: a lookup that started before one must not remember what it read. */
  private evictions = 0;
  /** True once subscribed to SocialLinksGone: only then are links kept in memory. */
  private subscribed = false;
  private subscribing?: Promise<boolean>;
  /** The one listener this service ever hands to Broadcasts, however often subscribing is retried. */
  private readonly listener: BroadcastListener<BroadcastChannel.SocialLinksGone> = {
    message: (gone) => this.evict(gone),
    gap: () => this.evict(null),
  };

  constructor(
    private readonly clicks: SocialClicksRepository,
    private readonly clock: Clock,
    private readonly broadcasts: Broadcasts,
  ) {}

  /** Where the link with this code goes, once its click is recorded; null for a code no live post has. */
  async click(code: string, source: HitSource): Promise<string | null> {
    if (!SocialLinks.isCode(code)) return null;
    const now = this.clock.now();
    const until = this.unknown.get(code);
    if (until !== undefined) {
      if (until > now.getTime()) return null;
      this.unknown.delete(code);
    }
    // Never waits on Redis: until subscribed, links are read from the database at every click.
    const caching = this.subscribed;
    void this.listening();
    const evictions = this.evictions;
    const write = this.clicks.recordClickForSystem({
      code,
      at: now,
      userAgent: source.userAgent,
      method: source.method,
      machine: judgeSocialClick(source),
    });
    const known = this.targets.get(code);
    if (known === undefined) {
      const link = await write;
      if (link === null) {
        this.rememberUnknown(code, now);
        return null;
      }
      if (caching && this.broadcasts.listening && evictions === this.evictions) this.remember(code, link);
      return link.target;
    }
    let timer: NodeJS.Timeout | undefined;
    const recorded = write.then(
      (link) => {
        // The link is gone (its post cancelled or deleted): forget it, whenever the write says so.
        if (link === null) this.forget(code, this.clock.now());
        return link;
      },
      (e: Error) => this.logger.warn(`Could not record a click of social link ${code}: ${e.message}`),
    );
    const answer = await Promise.race([
      recorded,
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), RECORD_BUDGET_MS))),
    ]);
    clearTimeout(timer);
    return answer === null ? null : known.target;
  }

  /**
   * Subscribes in the background on the first click (a process that never serves one, a
   * worker, never listens), and again on a later click if that failed. Resolves once subscribed
   * (true) or the attempt failed (false); a click never waits for it.
   */
  listening(): Promise<boolean> {
    if (this.subscribed) return Promise.resolve(true);
    return (this.subscribing ??= this.broadcasts.listen(BroadcastChannel.SocialLinksGone, this.listener).then(
      () => (this.subscribed = true),
      (e: Error) => {
        this.logger.warn(`Not listening for deleted social links (links are not kept in memory): ${e.message}`);
        this.subscribing = undefined;
        return false;
      },
    ));
  }

  /** Forgets the links of these posts or campaigns; everything when null (a gap: messages may have been missed). */
  private evict(gone: BroadcastMessages[BroadcastChannel.SocialLinksGone] | null): void {
    this.evictions++;
    if (gone === null) return this.targets.clear();
    const posts = new Set(gone.posts ?? []);
    const campaigns = new Set(gone.campaigns ?? []);
    for (const [code, link] of this.targets)
      if (posts.has(link.postId) || campaigns.has(link.campaignId)) this.targets.delete(code);
  }

  private forget(code: string, now: Date): void {
    this.evictions++;
    this.targets.delete(code);
    this.rememberUnknown(code, now);
  }

  private remember(code: string, link: LiveSocialLink): void {
    // A Map keeps insertion order: the first key is the oldest.
    if (this.targets.size >= KNOWN_TARGETS) this.targets.delete(this.targets.keys().next().value as string);
    this.targets.set(code, link);
  }

  private rememberUnknown(code: string, now: Date): void {
    this.unknown.delete(code);
    if (this.unknown.size >= UNKNOWN_CODES) this.unknown.delete(this.unknown.keys().next().value as string);
    this.unknown.set(code, now.getTime() + UNKNOWN_CODE_TTL_MS);
  }
}
