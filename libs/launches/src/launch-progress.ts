import type { DailyPoint, FunnelRow } from '@tcma/analytics';
import type { CampaignContent } from '@tcma/campaign-model';
import type { LaunchRow, LaunchStatus } from '@tcma/persistence';

/** A launch's daily trend: every UTC day from its start to today (or its last day with counts once it has ended). */
export interface LaunchDaily {
  launchId: string;
  days: DailyPoint[];
}

/** Launch states that may still send: their trend runs to today. */
export const RUNNING: readonly LaunchStatus[] = ['enrolling', 'active', 'paused'];

/** The counters the portal's "My launches" shows, from the analytics rollups. */
export const PROGRESS_COUNTS = ['sent', 'accepted', 'bounced', 'opened', 'clicked', 'unsubscribed'] as const;
export type ProgressCounts = Record<(typeof PROGRESS_COUNTS)[number], number>;

/** A launch's progress: who entered, and per step who waits for it and what happened to it. */
export interface LaunchProgress extends ProgressCounts {
  launchId: string;
  status: LaunchStatus;
  enrolled: number;
  skippedSuppressed: number;
  /** Conversions recorded for the launch (they belong to no step). */
  converted: number;
  steps: Array<ProgressCounts & { step: number; emailAssetId: string; name: string; waiting: number }>;
}

/** The progress counters summed over funnel rows. */
function progressCounts(rows: FunnelRow[]): ProgressCounts {
  const sum = (c: keyof ProgressCounts) => rows.reduce((n, r) => n + r[c], 0);
  return {
    sent: sum('sent'),
    accepted: sum('accepted'),
    bounced: sum('bounced'),
    opened: sum('opened'),
    clicked: sum('clicked'),
    unsubscribed: sum('unsubscribed'),
  };
}

/**
 * The launch's progress from its version's content, the active enrollments waiting per step
 * (0-based) and the funnel rows per step (1-based) of the analytics rollups.
 */
export function launchProgress(
  launch: LaunchRow,
  content: CampaignContent | undefined,
  waiting: Map<number, number>,
  funnel: FunnelRow[],
): LaunchProgress {
  const emails = new Map((content?.assets ?? []).flatMap((a) => (a.kind === 'email' ? [[a.id, a.name] as const] : [])));
  const steps = (content?.sequence?.steps ?? []).map((s, i) => ({
    step: i + 1,
    emailAssetId: s.emailAssetId,
    name: emails.get(s.emailAssetId) ?? '',
    waiting: waiting.get(i) ?? 0,
    ...progressCounts(funnel.filter((r) => r.step === i + 1)),
  }));
  const converted = funnel.reduce((n, r) => n + r.converted, 0);
  return {
    launchId: launch.id,
    status: launch.status,
    enrolled: launch.enrolled,
    skippedSuppressed: launch.skippedSuppressed,
    ...progressCounts(funnel),
    converted,
    steps,
  };
}
