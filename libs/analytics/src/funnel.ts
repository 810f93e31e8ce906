/** How funnel rows can be grouped. */
export const GROUPINGS = ['vendor', 'partner', 'campaign', 'version', 'launch', 'step', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const COUNT_COLUMNS = [
  'enrolled',
  'sent',
  'accepted',
  'bounced',
  'opened',
  'clicked',
  'unsubscribed',
  'converted',
  'machineOpens',
  'machineClicks',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type FunnelCounts = Record<Exclude<CountColumn, 'enrolled'>, number> & { enrolled: number | null };

/** The counters the rollup tables store (enrolled comes from launches). */
export const STORED_COUNTS = COUNT_COLUMNS.filter((c): c is Exclude<CountColumn, 'enrolled'> => c !== 'enrolled');
export type StoredCount = (typeof STORED_COUNTS)[number];
/** A stored counter's column: machineOpens is machine_opens. */
export const counterColumn = (field: StoredCount) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface FunnelRates {
  /** accepted / sent */
  deliveryRate: number | null;
  /** bounced / sent */
  bounceRate: number | null;
  /** unique human opens / accepted */
  openRate: number | null;
  /** unique human clicks / accepted */
  clickRate: number | null;
  /** unique human clicks / unique human opens */
  clickToOpenRate: number | null;
  /** unsubscribed / accepted */
  unsubscribeRate: number | null;
  /** converted / enrolled */
  conversionRate: number | null;
}

const ratio = (part: number, whole: number | null): number | null =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** The headline rates of a funnel row. Machine opens and clicks are in no rate. */
export function funnelRates(c: FunnelCounts): FunnelRates {
  return {
    deliveryRate: ratio(c.accepted, c.sent),
    bounceRate: ratio(c.bounced, c.sent),
    openRate: ratio(c.opened, c.accepted),
    clickRate: ratio(c.clicked, c.accepted),
    clickToOpenRate: ratio(c.clicked, c.opened),
    unsubscribeRate: ratio(c.unsubscribed, c.accepted),
    conversionRate: ratio(c.converted, c.enrolled),
  };
}

/** The columns that name a row, per grouping. */
export const KEY_COLUMNS: Record<Grouping, readonly string[]> = {
  vendor: [],
  partner: ['partnerId', 'partnerName'],
  campaign: ['campaignId', 'campaignName'],
  version: ['campaignId', 'campaignName', 'version'],
  launch: [
    'launchId',
    'launchedAt',
    'launchStatus',
    'partnerId',
    'partnerName',
    'campaignId',
    'campaignName',
    'version',
  ],
  step: ['step'],
  day: ['day'],
};

export const RATE_COLUMNS: ReadonlyArray<keyof FunnelRates> = [
  'deliveryRate',
  'bounceRate',
  'openRate',
  'clickRate',
  'clickToOpenRate',
  'unsubscribeRate',
  'conversionRate',
];
