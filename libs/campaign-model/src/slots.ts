/** Co-brand slots: the only parts of a campaign a partner can fill. */
export const SLOT_TYPES = ['logo', 'text', 'url', 'email', 'phone', 'color', 'address', 'text_block'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];

export const SLOT_NAME_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const TEXT_SLOT_MAX_LENGTH = 500;
export const ADDRESS_MAX_LENGTH = 500;
/** A text_block (a partner's own paragraph(s)) without a maxLength takes this one. */
export const TEXT_BLOCK_DEFAULT_MAX_LENGTH = 600;
/** The longest maxLength a text_block may declare. */
export const TEXT_BLOCK_MAX_LENGTH = 2000;
/** Who must agree to a partner's text before it is sent: nobody, or the vendor's approvers. */
export const TEXT_BLOCK_APPROVALS = ['none', 'vendor'] as const;
export type TextBlockApproval = (typeof TEXT_BLOCK_APPROVALS)[number];

export interface SlotDefinition {
  name: string;
  type: SlotType;
  label?: string;
  required: boolean;
  /** Used when the partner has not filled the slot; must itself be a valid value of the type. */
  fallback?: string | null;
  /** text and text_block slots only: longest accepted value (text_block: TEXT_BLOCK_DEFAULT_MAX_LENGTH when absent). */
  maxLength?: number;
  /** text_block only: whether the partner may link to its own website (nowhere else). Default false. */
  allowLinks?: boolean;
  /** text_block only: `vendor` holds a launch with a new text until a vendor approver agrees. Default none. */
  approval?: TextBlockApproval;
  /**
   * text_block only: the default text in other languages of the campaign (BCP 47 tag → text), for
   * the prospects who read an email's variant in one of them when the partner wrote none; the
   * campaign's own language's default is `fallback`. Each is checked as `fallback` is.
   */
  defaults?: Record<string, string>;
}

/** The most languages a text_block's `defaults` may give. */
export const TEXT_BLOCK_MAX_DEFAULTS = 20;
