import type { CrmActivityKind } from '@tcma/persistence';
import type { CrmActivity } from './crm-provider';

/** A milestone as its words need it: the ledger row's facts and the names they show. */
export interface MilestoneFacts {
  eventId: string;
  kind: CrmActivityKind;
  /** The email step (from 0), when the milestone came from an email. */
  step: number | null;
  linkName: string | null;
  occurredAt: Date;
  email: string;
  campaignName: string;
  partnerName: string;
}

/**
 * A milestone's timeline activity (a HubSpot note, a Salesforce Task), read by the partner's
 * salespeople: English, as the lead's own note. The marker, a word no person writes, finds it
 * again after a lost answer; one per event and kind, as the ledger's key.
 */
export function milestoneActivity(m: MilestoneFacts): CrmActivity {
  const at = new Date(m.occurredAt);
  const step = m.step === null ? 'an email' : `email step ${m.step + 1}`;
  const title =
    m.kind === 'clicked'
      ? `Clicked ${m.linkName ?? 'a link'} in ${step} of “${m.campaignName}”`
      : m.kind === 'page_visited'
        ? `Visited the landing page of “${m.campaignName}”`
        : `Converted on “${m.campaignName}”`;
  const what =
    m.kind === 'clicked'
      ? `clicked the link “${m.linkName ?? ''}” in ${step} of`
      : m.kind === 'page_visited'
        ? `visited the landing page from ${step} of`
        : 'converted on';
  return {
    marker: `tcma-event-${m.eventId}-${m.kind}`,
    title,
    body: `${m.email} ${what} the campaign “${m.campaignName}” (partner: ${m.partnerName}) on ${at.toISOString()}.`,
    at,
  };
}
