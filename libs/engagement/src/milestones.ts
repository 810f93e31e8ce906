import type { Milestone } from '@tcma/crm';
import { PAGE_LINK, PendingEvent } from './engagement.repository';

/**
 * The engagement milestones among a batch's judged events, for the CRMs that hold the
 * prospects' leads: a send's first human click (`counted`) of any link but the landing page's
 * (`clicked`), a send's first human click of the landing-page link (`page_visited`; none when an
 * earlier batch saw one: `pageVisited`), every conversion. A machine's click is never one.
 */
export function milestonesOf(input: {
  /** The batch's events. */
  events: PendingEvent[];
  /** The opens and clicks judged a person's. */
  human: PendingEvent[];
  /** The events that are their send's first human open or click. */
  counted: Set<string>;
  /** Sends whose landing-page link a person clicked in an earlier batch. */
  pageVisited: Set<string>;
}): Milestone[] {
  const clicks = input.human.filter((e) => e.type === 'clicked' && e.sendId);
  const firstVisits = new Map<string, PendingEvent>();
  for (const e of clicks.filter((c) => c.linkName === PAGE_LINK && !input.pageVisited.has(c.sendId!))) {
    const seen = firstVisits.get(e.sendId!);
    if (!seen || e.at < seen.at || (e.at.getTime() === seen.at.getTime() && e.id < seen.id))
      firstVisits.set(e.sendId!, e);
  }
  const of = (e: PendingEvent, kind: Milestone['kind']): Milestone => ({ eventId: e.id, at: e.at, kind });
  return [
    ...clicks.filter((e) => input.counted.has(e.id) && e.linkName !== PAGE_LINK).map((e) => of(e, 'clicked')),
    ...[...firstVisits.values()].map((e) => of(e, 'page_visited')),
    ...input.events.filter((e) => e.type === 'converted').map((e) => of(e, 'converted')),
  ];
}
