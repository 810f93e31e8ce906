import type { SlotDefinition } from '@tcma/campaign-model';
import { readableTextColor, shadeForContrast } from '../brand/contrast';
import { normalizeColor } from './slot-values';

/**
 * Colours derived from every colour slot, so a template stays readable whatever colour a
 * partner picks (a light yellow primary colour must not carry white text):
 * - `<slot>_text`: black or white, whichever reads better on the colour (text on a background of it);
 * - `<slot>_readable`: the colour itself when white text on it reaches WCAG AA (4.5:1), else the
 *   nearest darker shade that does (buttons and banners with white text, links and headings on white).
 */
export const DERIVED_COLORS: Readonly<Record<string, (color: string) => string>> = {
  text: readableTextColor,
  readable: (color) => shadeForContrast(color, '#ffffff'),
};

const SUFFIXES = Object.keys(DERIVED_COLORS);

/** The names a colour slot's derived values take. */
export function derivedColorNames(slot: Pick<SlotDefinition, 'name' | 'type'>): string[] {
  return slot.type === 'color' ? SUFFIXES.map((suffix) => `${slot.name}_${suffix}`) : [];
}

function derive(
  name: string,
  slots: ReadonlyMap<string, SlotDefinition>,
): { base: SlotDefinition; make: (color: string) => string } | null {
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(`_${suffix}`)) continue;
    const base = slots.get(name.slice(0, -suffix.length - 1));
    if (base?.type === 'color') return { base, make: DERIVED_COLORS[suffix] };
  }
  return null;
}

/**
 * A derived colour as a slot of its own: a colour slot, filled exactly when its base is (a
 * fallback of the base gives one here), so every rule about colour slots applies to it.
 */
export function derivedColorSlot(
  name: string,
  slots: ReadonlyMap<string, SlotDefinition>,
): { slot: SlotDefinition; base: SlotDefinition } | null {
  const found = derive(name, slots);
  if (!found) return null;
  const { base, make } = found;
  const normalized = base.fallback ? normalizeColor(base.fallback) : null;
  const fallback = normalized?.ok ? make(normalized.value) : base.fallback;
  return {
    slot: { name, type: 'color', required: base.required, ...(fallback !== undefined ? { fallback } : {}) },
    base,
  };
}

/** Slot values with every colour slot's derived values added (absent where the colour is). */
export function withDerivedColors(
  slots: readonly SlotDefinition[],
  values: ReadonlyMap<string, string | null>,
): Map<string, string | null> {
  const out = new Map(values);
  for (const slot of slots) {
    if (slot.type !== 'color') continue;
    const color = values.get(slot.name);
    for (const suffix of SUFFIXES) out.set(`${slot.name}_${suffix}`, color ? DERIVED_COLORS[suffix](color) : null);
  }
  return out;
}
