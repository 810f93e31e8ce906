export const ASSET_KINDS = ['email', 'pdf', 'social'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

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
}

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
}

export type Asset = EmailAsset | PdfAsset | SocialAsset;
