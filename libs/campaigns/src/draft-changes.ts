import { Asset, CampaignContent, emptyContent } from '@tcma/campaign-model';

export const METADATA_FIELDS = ['name', 'description', 'tags', 'language', 'eligibility'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface MetadataChange {
  field: MetadataField;
  before: unknown;
  after: unknown;
}

/** Items of a list known by a key (slot and link names, asset and step ids). */
export interface ListChanges<T> {
  added: T[];
  removed: T[];
  changed: T[];
}

export interface AssetRef {
  id: string;
  kind: Asset['kind'];
  name: string;
}

export interface StepRef {
  id: string;
  /** 1-based position (in the draft; in the base for a removed step). */
  index: number;
  emailAssetId: string;
}

/** What publishing the draft would change, compared with the latest published version. */
export interface DraftChanges {
  /** The version compared with; null when nothing was published yet (everything is new). */
  baseVersion: number | null;
  hasChanges: boolean;
  metadata: MetadataChange[];
  slots: ListChanges<string>;
  links: ListChanges<string>;
  assets: ListChanges<AssetRef>;
  steps: ListChanges<StepRef>;
  /** Whether the sequence's exit rules changed (or the sequence was added or removed). */
  exitChanged: boolean;
}

/**
 * Whether two JSON values are the same, whatever the order of object keys (jsonb keeps its own)
 * and whether an absent property is missing or undefined.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set(
    [...Object.keys(ra), ...Object.keys(rb)].filter((k) => ra[k] !== undefined || rb[k] !== undefined),
  );
  return [...keys].every((k) => sameValue(ra[k], rb[k]));
}

function diffList<I, R>(
  before: readonly I[],
  after: readonly I[],
  key: (item: I) => string,
  ref: (item: I, index: number) => R,
  same: (a: I, b: I, ia: number, ib: number) => boolean,
): ListChanges<R> {
  const old = new Map(before.map((item, i) => [key(item), { item, i }] as const));
  const now = new Map(after.map((item, i) => [key(item), { item, i }] as const));
  const changes: ListChanges<R> = { added: [], removed: [], changed: [] };
  after.forEach((item, i) => {
    const was = old.get(key(item));
    if (!was) changes.added.push(ref(item, i));
    else if (!same(was.item, item, was.i, i)) changes.changed.push(ref(item, i));
  });
  before.forEach((item, i) => {
    if (!now.has(key(item))) changes.removed.push(ref(item, i));
  });
  return changes;
}

const assetRef = (a: Asset): AssetRef => ({ id: a.id, kind: a.kind, name: a.name });

/** The changes from `base` (the latest published content, or null before the first publication) to `draft`. */
export function diffCampaignContent(
  base: { version: number; content: CampaignContent } | null,
  draft: CampaignContent,
): DraftChanges {
  const before = base?.content ?? emptyContent('');
  const metadata = METADATA_FIELDS.filter((f) => !sameValue(before[f], draft[f])).map((field) => ({
    field,
    before: before[field],
    after: draft[field],
  }));
  const slots = diffList(
    before.slots,
    draft.slots,
    (s) => s.name,
    (s) => s.name,
    (a, b) => sameValue(a, b),
  );
  const links = diffList(
    before.links,
    draft.links,
    (l) => l.name,
    (l) => l.name,
    (a, b) => sameValue(a, b),
  );
  const assets = diffList(
    before.assets,
    draft.assets,
    (a) => a.id,
    assetRef,
    (a, b) => sameValue(a, b),
  );
  // A step that moved is a change too: its wait now counts from another email.
  const steps = diffList(
    before.sequence?.steps ?? [],
    draft.sequence?.steps ?? [],
    (s) => s.id,
    (s, i) => ({ id: s.id, index: i + 1, emailAssetId: s.emailAssetId }),
    (a, b, ia, ib) =>
      ia === ib &&
      sameValue(
        { ...a, condition: a.condition ?? 'always', window: a.window ?? null },
        { ...b, condition: b.condition ?? 'always', window: b.window ?? null },
      ),
  );
  const exitChanged = !sameValue(before.sequence?.exit ?? null, draft.sequence?.exit ?? null);
  const counted = [slots, links, assets, steps].some((c) => c.added.length + c.removed.length + c.changed.length > 0);
  return {
    baseVersion: base?.version ?? null,
    hasChanges: metadata.length > 0 || counted || exitChanged,
    metadata,
    slots,
    links,
    assets,
    steps,
    exitChanged,
  };
}
