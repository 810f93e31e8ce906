import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { judgeSocialClick } from './machine-rules';
import { SocialClicksRepository } from './social-clicks.repository';
import { SocialLinks } from './social-links';
import type { HitSource } from './tracking-hits.service';

/** The longest a visitor waits for a click of a known link to be written (as for email clicks). */
const RECORD_BUDGET_MS = 500;
/** Targets of links seen lately, kept in memory: a link's target never changes, and a post's clicks come in bursts. */
const KNOWN_TARGETS = 10_000;

/**
 * Clicks of social posts' short tracked links. A link's first click waits for the statement that
 * both records it and reads its target; afterwards the target is known in memory and the click
 * is written in the background, waited for at most RECORD_BUDGET_MS, as an email's click is.
 * Each click is judged as written (machine-rules judgeSocialClick): preview fetchers are kept but
 * not counted.
 */
@Injectable()
export class SocialClicks {
  private readonly logger = new Logger(SocialClicks.name);
  private readonly targets = new Map<string, string>();

  constructor(
    private readonly clicks: SocialClicksRepository,
    private readonly clock: Clock,
  ) {}

  /** Where the link with this code goes, once its click is recorded; null for a code no post has. */
  async click(code: string, source: HitSource): Promise<string | null> {
    if (!SocialLinks.isCode(code)) return null;
    const write = this.clicks.recordClickForSystem({
      code,
      at: this.clock.now(),
      userAgent: source.userAgent,
      method: source.method,
      machine: judgeSocialClick(source),
    });
    const known = this.targets.get(code);
    if (known === undefined) {
      const target = await write;
      if (target !== null) this.remember(code, target);
      return target;
    }
    let timer: NodeJS.Timeout | undefined;
    const recorded = write.catch((e: Error) =>
      this.logger.warn(`Could not record a click of social link ${code}: ${e.message}`),
    );
    await Promise.race([recorded, new Promise((resolve) => (timer = setTimeout(resolve, RECORD_BUDGET_MS)))]);
    clearTimeout(timer);
    return known;
  }

  private remember(code: string, target: string): void {
    // A Map keeps insertion order: the first key is the oldest.
    if (this.targets.size >= KNOWN_TARGETS) this.targets.delete(this.targets.keys().next().value as string);
    this.targets.set(code, target);
  }
}
