import type {
  Asset,
  CampaignContent,
  EmailAsset,
  Eligibility,
  PageAsset,
  PageForm,
  PdfSlotRect,
  SequenceDefinition,
  SequenceStep,
  SlotDefinition,
  SlotRect,
  SocialNetwork,
} from '@tcma/campaign-model';
import { ConflictError, NotFoundError } from '@tcma/errors';

export interface MetadataInput {
  name?: string;
  description?: string;
  tags?: string[];
  language?: string;
  eligibility?: Eligibility;
}

export type EmailAssetInput = Pick<EmailAsset, 'name' | 'subject' | 'preheader' | 'mjml'>;

/** A PDF's, social post's or page's variant as given: saved by its language (collateral-variant-inputs.ts). */
interface DrawnVariantInput {
  language: string;
  /** It was stale and a person checked it still fits the default as it is now. */
  confirmCurrent?: boolean;
}

export interface PdfVariantInput extends DrawnVariantInput {
  /** Absent: the file the variant has (required for a new language). */
  fileId?: string;
  slots?: PdfSlotRect[];
}

export interface SocialVariantInput extends DrawnVariantInput {
  copy: Partial<Record<SocialNetwork, string>>;
  /** Its own image; null: the default's; absent: the image it had. */
  fileId?: string | null;
  slots?: SlotRect[];
}

export interface PdfAssetInput {
  name: string;
  fileId: string;
  slots: PdfSlotRect[];
  /** Absent: the asset's variants stay as they are; []: none. */
  variants?: PdfVariantInput[];
}

export interface SocialAssetInput {
  name: string;
  fileId: string;
  slots: SlotRect[];
  copy: Partial<Record<SocialNetwork, string>>;
  /** Absent: the asset's variants stay as they are; []: none. */
  variants?: SocialVariantInput[];
}

export interface PageVariantInput extends DrawnVariantInput {
  title: string;
  html: string;
  form?: { labels?: Record<string, string>; consentText?: string; submitLabel: string; successMessage: string };
}

export interface PageAssetInput {
  name: string;
  title: string;
  html: string;
  noindex?: boolean;
  /** Absent: the page's variants stay as they are; []: none. */
  variants?: PageVariantInput[];
  form?:
    | (Omit<PageForm, 'onSubmit' | 'consent'> & {
        onSubmit?: PageForm['onSubmit'];
        consent?: PageForm['consent'] | null;
      })
    | null;
}

export interface SequenceInput {
  steps: Array<Omit<SequenceStep, 'id'> & { id?: string }>;
  exit: Omit<SequenceDefinition['exit'], 'unsubscribed'>;
}

/** A sequence as stored: step ids filled in, waits and windows copied field by field. */
export const sequenceOf = (input: SequenceInput): SequenceDefinition => ({
  steps: input.steps.map((s, i) => ({
    id: s.id ?? `step-${i + 1}`,
    emailAssetId: s.emailAssetId,
    wait:
      s.wait.type === 'duration'
        ? { type: 'duration', days: s.wait.days ?? 0, hours: s.wait.hours ?? 0, minutes: s.wait.minutes ?? 0 }
        : { type: 'next_weekday', weekday: s.wait.weekday, time: s.wait.time },
    window: s.window ? { days: [...s.window.days], startHour: s.window.startHour, endHour: s.window.endHour } : null,
    condition: s.condition ?? 'always',
  })),
  exit: { unsubscribed: true, clickedLink: input.exit.clickedLink ?? null, converted: input.exit.converted },
});
export const pickEmail = (input: EmailAssetInput) => ({
  name: input.name,
  subject: input.subject,
  preheader: input.preheader,
  mjml: input.mjml,
});

export const pickPage = (input: PageAssetInput): Omit<PageAsset, 'id' | 'kind'> => ({
  name: input.name,
  title: input.title,
  html: input.html,
  noindex: input.noindex ?? false,
  form: input.form
    ? {
        fields: input.form.fields.map((f) => ({
          name: f.name,
          label: f.label,
          type: f.type,
          required: f.required,
          ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
        })),
        consent: input.form.consent ? { text: input.form.consent.text, required: input.form.consent.required } : null,
        submitLabel: input.form.submitLabel,
        successMessage: input.form.successMessage,
        onSubmit: input.form.onSubmit ?? 'none',
      }
    : null,
});

export const pickSlot = (s: SlotDefinition): SlotDefinition => ({
  name: s.name,
  type: s.type,
  ...(s.label !== undefined ? { label: s.label } : {}),
  required: s.required,
  ...(s.fallback !== undefined && s.fallback !== null ? { fallback: s.fallback } : {}),
  ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
  ...(s.allowLinks !== undefined ? { allowLinks: s.allowLinks } : {}),
  ...(s.approval !== undefined ? { approval: s.approval } : {}),
  ...(s.defaults !== undefined ? { defaults: s.defaults } : {}),
});

export const pickRect = (r: SlotRect): SlotRect => ({
  slot: r.slot,
  x: r.x,
  y: r.y,
  width: r.width,
  height: r.height,
  align: r.align,
  ...(r.textColor !== undefined ? { textColor: r.textColor } : {}),
  ...(r.maxFontSize !== undefined ? { maxFontSize: r.maxFontSize } : {}),
});

export const pickPdfRect = (r: PdfSlotRect): PdfSlotRect => ({ ...pickRect(r), page: r.page });

/** The draft's asset of this id, refused when it is missing or of another kind. */
export function assetOf<K extends Asset['kind']>(
  draft: CampaignContent,
  assetId: string,
  kind: K,
): Extract<Asset, { kind: K }> {
  const asset = draft.assets.find((a) => a.id === assetId);
  if (!asset) throw new NotFoundError('Asset');
  if (asset.kind !== kind) throw new ConflictError(`Asset ${assetId} is a ${asset.kind} asset, not ${kind}`);
  return asset as Extract<Asset, { kind: K }>;
}

/** Replaces the draft's asset of this id, refused when it is missing or of another kind. */
export function replaceAsset<K extends Asset['kind']>(
  draft: CampaignContent,
  assetId: string,
  kind: K,
  change: (a: Extract<Asset, { kind: K }>) => Extract<Asset, { kind: K }>,
): void {
  const index = draft.assets.findIndex((a) => a.id === assetId);
  if (index < 0) throw new NotFoundError('Asset');
  const asset = draft.assets[index];
  if (asset.kind !== kind) throw new ConflictError(`Asset ${assetId} is a ${asset.kind} asset, not ${kind}`);
  draft.assets[index] = change(asset as Extract<Asset, { kind: K }>);
}
