import { ADDRESS_MAX_LENGTH, SlotDefinition, SlotType, TEXT_SLOT_MAX_LENGTH } from '@tcma/campaign-model';
import {
  EMAIL_MAX_LENGTH,
  FORBIDDEN_CHARACTERS,
  FORBIDDEN_CHARACTERS_MESSAGE,
  normalizeEmailAddress,
} from '@tcma/email-address';
import { normalizeTextBlock, TextBlockContext, textBlockMaxLength } from './text-block';

export type SlotValueResult = { ok: true; value: string } | { ok: false; message: string };

export const DEFAULT_TEXT_MAX_LENGTH = 100;
export const URL_MAX_LENGTH = 2048;
export const PHONE_MAX_LENGTH = 32;
const ADDRESS_MAX_LINES = 6;

const PHONE = /^\+?[0-9][0-9 ().-]{3,31}$/;
const HEX_COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

export function maxLengthOf(slot: Pick<SlotDefinition, 'type' | 'maxLength'>): number {
  switch (slot.type) {
    case 'text':
      return Math.min(slot.maxLength ?? DEFAULT_TEXT_MAX_LENGTH, TEXT_SLOT_MAX_LENGTH);
    case 'address':
      return ADDRESS_MAX_LENGTH;
    case 'url':
    case 'logo':
      return URL_MAX_LENGTH;
    case 'email':
      return EMAIL_MAX_LENGTH;
    case 'phone':
      return PHONE_MAX_LENGTH;
    case 'color':
      return 7;
    case 'text_block':
      return textBlockMaxLength(slot);
  }
}

export function normalizeHttpUrl(raw: string): SlotValueResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'must use http or https' };
  if (!url.hostname) return { ok: false, message: 'must name a host' };
  if (url.username || url.password) return { ok: false, message: 'must not contain credentials' };
  const value = url.href;
  if (value.length > URL_MAX_LENGTH) return { ok: false, message: `must be at most ${URL_MAX_LENGTH} characters` };
  return { ok: true, value };
}

export function normalizeColor(raw: string): SlotValueResult {
  const v = raw.trim();
  if (!HEX_COLOR.test(v)) return { ok: false, message: 'must be a hex colour such as #1a73e8' };
  const hex = v.length === 4 ? `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}` : v;
  return { ok: true, value: hex.toLowerCase() };
}

/**
 * Checks and normalises a value for a slot of the given type. Every value that reaches a
 * rendered asset went through here, whether it came from a brand kit or a fallback.
 */
export function normalizeSlotValue(
  slot: Pick<SlotDefinition, 'type' | 'maxLength' | 'allowLinks'>,
  raw: unknown,
  context: TextBlockContext = {},
): SlotValueResult {
  if (typeof raw !== 'string') return { ok: false, message: 'must be a string' };
  const type: SlotType = slot.type;
  if (type === 'text_block') return normalizeTextBlock(slot, raw, context);
  if (FORBIDDEN_CHARACTERS.test(raw)) return { ok: false, message: FORBIDDEN_CHARACTERS_MESSAGE };
  const value =
    type === 'address'
      ? raw
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .join('\n')
      : raw.trim();
  if (!value) return { ok: false, message: 'must not be empty' };
  if (type !== 'address' && value.includes('\n')) return { ok: false, message: 'must be a single line' };
  const max = maxLengthOf(slot);
  if ([...value].length > max) return { ok: false, message: `must be at most ${max} characters` };
  switch (type) {
    case 'text':
      return { ok: true, value };
    case 'address':
      if (value.split('\n').length > ADDRESS_MAX_LINES)
        return { ok: false, message: `must have at most ${ADDRESS_MAX_LINES} lines` };
      return { ok: true, value };
    case 'url':
    case 'logo':
      return normalizeHttpUrl(value);
    case 'email':
      return normalizeEmailAddress(value);
    case 'phone':
      return PHONE.test(value)
        ? { ok: true, value }
        : { ok: false, message: 'must be a phone number (digits, spaces, + - . ( ))' };
    case 'color':
      return normalizeColor(value);
  }
}

/** Stand-in values used to check templates before any partner has filled the slots. */
export const SAMPLE_SLOT_VALUES: Record<SlotType, string> = {
  logo: 'https://example.com/logo.png',
  text: 'Sample',
  url: 'https://example.com/',
  email: 'partner@example.com',
  phone: '+1 555 0100',
  color: '#336699',
  address: 'Sample Street 1, 00-001 Sample City',
  text_block: 'A few words of our own for you: **what we do**, and _why it matters_.',
};
