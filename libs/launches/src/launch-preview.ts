import type { CampaignContent } from '@tcma/campaign-model';
import type { Problem } from '@tcma/errors';
import { EXCLUSION_REASONS, ExclusionReason } from '@tcma/persistence';
import { sequenceTimeline } from '@tcma/sequences';
import { campaignLanguages, closestLanguage } from '@tcma/translation';
import type { ZoneCount } from './launch-preview.repository';

/** One step's send time for the prospects of one zone. */
export interface PreviewStep {
  step: number;
  emailAssetId: string;
  name: string;
  subject: string;
  /** Sent only to those who meet it (opened, clicked…): the dry run cannot tell who will. */
  conditional: boolean;
  sendAt: Date;
}

/** A launch's dry run: when each step would go, by zone, and who would be left out and why. */
export interface LaunchPreview {
  campaignId: string;
  version: number;
  startAt: Date;
  /** Prospects the audience selects, before exclusions. */
  audience: number;
  /** Prospects who would be enrolled. */
  enrolled: number;
  excluded: Record<ExclusionReason, number>;
  zones: Array<{ timezone: string; prospects: number; steps: PreviewStep[] }>;
  /**
   * Who would read which of the campaign's languages (its own and its emails' variants), most
   * prospects first: each prospect's language, else the partner's, matched by closestLanguage.
   */
  languages: Array<{ language: string; prospects: number }>;
  /** What would refuse this launch now (POST /launches answers 422 with these); empty when it can start. */
  problems: Problem[];
}

/**
 * The dry run from the audience counted by zone, language and exclusion: each zone's timeline
 * from the pure scheduling rules, the languages prospects would read.
 */
export function launchPreview(p: {
  campaignId: string;
  version: number;
  content: CampaignContent;
  startAt: Date;
  partnerLanguage: string | null;
  counts: ZoneCount[];
  problems: Problem[];
}): LaunchPreview {
  const { counts, content, startAt } = p;
  const excluded: Record<ExclusionReason, number> = { unsubscribed: 0, invalid: 0, suppressed: 0 };
  // The languages a prospect can be sent: the campaign's and its emails' variants'. A language only a
  // PDF, post or page has is not one a prospect's emails arrive in.
  const available = campaignLanguages({ ...content, assets: content.assets.filter((a) => a.kind === 'email') });
  const byZone = new Map<string, number>();
  const byLanguage = new Map<string, number>(available.map((l) => [l, 0]));
  for (const c of counts) {
    if (c.rank !== null) {
      excluded[EXCLUSION_REASONS[c.rank - 1]] += c.n;
      continue;
    }
    byZone.set(c.zone, (byZone.get(c.zone) ?? 0) + c.n);
    const language = closestLanguage(available, c.language ?? p.partnerLanguage);
    byLanguage.set(language, (byLanguage.get(language) ?? 0) + c.n);
  }
  const steps = content.sequence?.steps ?? [];
  const emails = new Map(content.assets.flatMap((a) => (a.kind === 'email' ? [[a.id, a] as const] : [])));
  const zones = [...byZone.entries()]
    .sort(([za, a], [zb, b]) => b - a || za.localeCompare(zb))
    .map(([timezone, prospects]) => ({
      timezone,
      prospects,
      steps: sequenceTimeline(startAt, steps, timezone).map((sendAt, i) => ({
        step: i + 1,
        emailAssetId: steps[i].emailAssetId,
        name: emails.get(steps[i].emailAssetId)?.name ?? '',
        subject: emails.get(steps[i].emailAssetId)?.subject ?? '',
        conditional: (steps[i].condition ?? 'always') !== 'always',
        sendAt,
      })),
    }));
  const enrolled = zones.reduce((n, z) => n + z.prospects, 0);
  return {
    campaignId: p.campaignId,
    version: p.version,
    startAt,
    audience: enrolled + excluded.unsubscribed + excluded.invalid + excluded.suppressed,
    enrolled,
    excluded,
    zones,
    languages: [...byLanguage.entries()]
      .sort(([la, a], [lb, b]) => b - a || la.localeCompare(lb))
      .map(([language, prospects]) => ({ language, prospects })),
    problems: p.problems,
  };
}
