/** Co-brand slots: the only parts of a campaign a partner can fill. */
export const SLOT_TYPES = ['logo', 'text', 'url', 'email', 'phone', 'color', 'address'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];

export const SLOT_NAME_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const TEXT_SLOT_MAX_LENGTH = 500;
export const ADDRESS_MAX_LENGTH = 500;

export interface SlotDefinition {
  name: string;
  type: SlotType;
  label?: string;
  required: boolean;
  /** Used when the partner has not filled the slot; must itself be a valid value of the type. */
  fallback?: string | null;
  /** text slots only: longest accepted value. */
  maxLength?: number;
}
