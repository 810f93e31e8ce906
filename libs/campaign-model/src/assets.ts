export const ASSET_KINDS = ['email', 'pdf', 'social', 'page'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** What an asset can be rendered as (a preview's format); which kinds render as which is the renderer's rule. */
export const RENDER_FORMATS = ['html', 'text', 'json', 'pdf', 'png', 'jpeg'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export const SUBJECT_MAX_LENGTH = 200;
export const PREHEADER_MAX_LENGTH = 300;
export const MJML_MAX_LENGTH = 500_000;

export interface EmailAsset {
  id: string;
  kind: 'email';
  name: string;
  subject: string;
  preheader: string;
  mjml: string;
  /**
   * The email's copy in other languages, by BCP 47 tag (canonical, never the campaign's own
   * language). Only the words differ: slots, links and the sequence are the default's, so a
   * variant cannot drift from the campaign's structure. Absent: the email has no variants.
   */
  variants?: Record<string, EmailVariant>;
}

/** How a variant's words were made: a translator's XLIFF file, a model's draft, or typed in the console. */
export const VARIANT_ORIGINS = ['xliff', 'machine', 'manual'] as const;
export type VariantOrigin = (typeof VARIANT_ORIGINS)[number];

/** An email's copy in one language. */
export interface EmailVariant {
  subject: string;
  preheader: string;
  mjml: string;
  /**
   * The digest of the default copy (subject, preheader, MJML) this variant translates
   * (emailCopyDigest): when the default's digest differs, the default changed after the variant
   * was saved and the variant is stale.
   */
  sourceDigest: string;
  origin: VariantOrigin;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /**
   * A model's draft (origin `machine`) is not reviewed until a person approves it: then who
   * (a user id) and when. Absent for a translator's file and words typed in the console.
   */
  review?: { by: string; at: string };
}

/** Languages one email, PDF or social asset may have besides the campaign's own. */
export const MAX_EMAIL_VARIANTS = 30;

export const ALIGNMENTS = ['left', 'center', 'right'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

/** A rectangle on a PDF page or social image into which a slot's value is drawn. */
export interface SlotRect {
  slot: string;
  x: number;
  y: number;
  width: number;
  height: number;
  align: Alignment;
  /** Text slots: colour of the text (hex); defaults to black. */
  textColor?: string;
  /** Text slots: the largest font size tried before shrinking. */
  maxFontSize?: number;
}

/** PDF rectangles are in PDF points, origin at the page's bottom-left corner. */
export interface PdfSlotRect extends SlotRect {
  page: number;
}

export interface StoredFileRef {
  key: string;
  contentType: string;
  size: number;
}

export interface PdfAsset {
  id: string;
  kind: 'pdf';
  name: string;
  file: StoredFileRef & { pages: Array<{ width: number; height: number }> };
  slots: PdfSlotRect[];
  /** The PDF in other languages, by canonical BCP 47 tag (never the campaign's own). Absent: none. */
  variants?: Record<string, PdfVariant>;
}

/**
 * What a PDF's, social post's or landing page's variant shares with every variant: when it was saved, how its words were
 * made, and the digest of the default it translates (collateralDigest): another digest now means
 * the default changed after the variant was saved, and the variant is stale.
 */
interface CollateralVariantBase {
  sourceDigest: string;
  origin: VariantOrigin;
  savedAt: string;
  /** As an email variant's: a model's draft (a post's copy, a page's words) is not reviewed until a person approves it. */
  review?: { by: string; at: string };
}

/**
 * A PDF in one language: its own file, drawn into at the default's slot rectangles or at its own
 * (a translated layout moves a box). The slots are the campaign's: only where they are drawn differs.
 */
export interface PdfVariant extends CollateralVariantBase {
  file: PdfAsset['file'];
  /** Absent: the default's rectangles (which must then fit this file's pages). */
  slots?: PdfSlotRect[];
}

/**
 * A social post in one language: its copy per network (a network it leaves out posts the
 * default's), and optionally its own background image with its own rectangles.
 */
export interface SocialVariant extends CollateralVariantBase {
  copy: Partial<Record<SocialNetwork, string>>;
  /** Absent: the default's image and rectangles. */
  image?: SocialAsset['image'];
  /** With its own image only: absent, the default's rectangles (which must fit the image). */
  slots?: SlotRect[];
}

export const SOCIAL_NETWORKS = ['linkedin', 'x', 'facebook', 'instagram'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/** Post copy length limits of each network, in characters. */
export const SOCIAL_COPY_LIMITS: Record<SocialNetwork, number> = {
  linkedin: 3000,
  x: 280,
  facebook: 63206,
  instagram: 2200,
};

/** Social image rectangles are in pixels of the uploaded background, origin top-left. */
export interface SocialAsset {
  id: string;
  kind: 'social';
  name: string;
  image: StoredFileRef & { width: number; height: number };
  slots: SlotRect[];
  copy: Partial<Record<SocialNetwork, string>>;
  /** The post in other languages, by canonical BCP 47 tag (never the campaign's own). Absent: none. */
  variants?: Record<string, SocialVariant>;
}

/** Kinds of form fields; each is an <input> of that type, except `textarea` and `checkbox`. */
export const PAGE_FIELD_TYPES = ['email', 'text', 'tel', 'textarea', 'checkbox'] as const;
export type PageFieldType = (typeof PAGE_FIELD_TYPES)[number];

/**
 * Form fields that fill the prospect's own columns; any other name (a custom field key) fills
 * prospect.custom. `phone` is kept as the custom field `phone`; `language` (a BCP 47 tag, as a
 * select's values or typed) is the language the prospect reads.
 */
export const PAGE_STANDARD_FIELDS = [
  'email',
  'first_name',
  'last_name',
  'company',
  'title',
  'country',
  'phone',
  'language',
] as const;

export interface PageFormField {
  /** A standard field (PAGE_STANDARD_FIELDS) or a custom field key (lower-case, as custom prospect fields). */
  name: string;
  label: string;
  type: PageFieldType;
  required: boolean;
  /** Longest accepted value; PAGE_FIELD_MAX_LENGTH by default. */
  maxLength?: number;
}

/**
 * The optional consent checkbox. Its wording is part of the published version: the consent
 * evidence names the version it was shown in. May use {{partner.*}} slots.
 */
export interface PageConsent {
  text: string;
  required: boolean;
}

/** What a submission does besides creating the lead. */
export const PAGE_SUBMIT_ACTIONS = ['none', 'convert'] as const;
export type PageSubmitAction = (typeof PAGE_SUBMIT_ACTIONS)[number];

export interface PageForm {
  fields: PageFormField[];
  consent: PageConsent | null;
  submitLabel: string;
  /** Shown in place of the form once it is submitted. */
  successMessage: string;
  /** `convert`: a submission is a conversion for every launch of this campaign that reached the prospect (who leaves its sequence when it exits on conversion). */
  onSubmit: PageSubmitAction;
}

export const PAGE_FIELD_MAX_LENGTH = 500;
export const PAGE_MAX_FIELDS = 20;
export const PAGE_HTML_MAX_LENGTH = 500_000;
export const PAGE_TITLE_MAX_LENGTH = 200;
export const PAGE_CONSENT_MAX_LENGTH = 2_000;
/** Where the engine puts the form in the page's HTML (at the end of the page when absent). */
export const PAGE_FORM_MARKER = '<div data-tcma-form></div>';

/**
 * A co-branded landing page: HTML (the body's content) with Handlebars partner slots and
 * campaign links, served per partner at /p/:partnerSlug/:campaignSlug, with at most one form,
 * which the engine renders from its declaration.
 */
export interface PageAsset {
  id: string;
  kind: 'page';
  name: string;
  /** The document's title (and Open Graph title); may use {{partner.*}}. */
  title: string;
  html: string;
  /** Ask search engines not to index the page (meta robots and X-Robots-Tag). */
  noindex: boolean;
  form: PageForm | null;
  /** The page in other languages, by canonical BCP 47 tag (never the campaign's own). Absent: none. */
  variants?: Record<string, PageVariant>;
}

/**
 * A landing page in one language: its words only. The form's fields, what a submission does and
 * the page's address are the default's, so a lead is the same lead in every language.
 */
export interface PageVariant extends CollateralVariantBase {
  title: string;
  html: string;
  /** The form's words, when the page has a form. */
  form?: PageVariantForm;
}

export interface PageVariantForm {
  /** A label per field name; a field left out keeps the default's label. */
  labels: Record<string, string>;
  /** The consent statement as shown (and recorded as evidence) in this language; with the default's consent only. */
  consentText?: string;
  submitLabel: string;
  successMessage: string;
}

export type Asset = EmailAsset | PdfAsset | SocialAsset | PageAsset;
