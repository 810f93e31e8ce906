export {
  ALIGNMENTS,
  ASSET_KINDS,
  MAX_EMAIL_VARIANTS,
  MJML_MAX_LENGTH,
  PAGE_CONSENT_MAX_LENGTH,
  PAGE_FIELD_MAX_LENGTH,
  PAGE_FIELD_TYPES,
  PAGE_FORM_MARKER,
  PAGE_HTML_MAX_LENGTH,
  PAGE_MAX_FIELDS,
  PAGE_STANDARD_FIELDS,
  PAGE_SUBMIT_ACTIONS,
  PAGE_TITLE_MAX_LENGTH,
  PREHEADER_MAX_LENGTH,
  RENDER_FORMATS,
  SOCIAL_COPY_LIMITS,
  SOCIAL_NETWORKS,
  SUBJECT_MAX_LENGTH,
  VARIANT_ORIGINS,
} from './assets';
export type {
  Alignment,
  Asset,
  AssetKind,
  EmailAsset,
  EmailVariant,
  PdfVariant,
  SocialVariant,
  PageVariant,
  PageVariantForm,
  PageAsset,
  PageFieldType,
  PageForm,
  PageFormField,
  PageSubmitAction,
  PdfAsset,
  PdfSlotRect,
  RenderFormat,
  SlotRect,
  SocialAsset,
  SocialNetwork,
  VariantOrigin,
} from './assets';
export { emptyContent, LANGUAGE_CHOICES, RESERVED_LINK_NAMES } from './campaign-content';
export type { CampaignContent, Eligibility, LanguageChoice, LinkDefinition } from './campaign-content';
export {
  CUSTOM_FIELD_KEY_PATTERN,
  perProspectField,
  PROSPECT_FIELDS,
  PROSPECT_TEMPLATE_FIELDS,
} from './prospect-fields';
export type { ProspectField } from './prospect-fields';
export { MAX_SEQUENCE_STEPS, STEP_CONDITIONS, WEEKDAYS } from './sequence';
export type {
  SendWindow,
  SequenceDefinition,
  SequenceExitRules,
  SequenceStep,
  StepCondition,
  StepWait,
  Weekday,
} from './sequence';
export {
  ADDRESS_MAX_LENGTH,
  SLOT_NAME_PATTERN,
  SLOT_TYPES,
  TEXT_BLOCK_APPROVALS,
  TEXT_BLOCK_DEFAULT_MAX_LENGTH,
  TEXT_BLOCK_MAX_DEFAULTS,
  TEXT_BLOCK_MAX_LENGTH,
  TEXT_SLOT_MAX_LENGTH,
} from './slots';
export type { SlotDefinition, SlotType, TextBlockApproval } from './slots';
export {
  countSocialCopy,
  SOCIAL_COPY_MAX_TEXT,
  SOCIAL_LINK_LENGTHS,
  SOCIAL_MAX_CHARACTER_WEIGHT,
  X_LINK_LENGTH,
} from './social-copy-length';
