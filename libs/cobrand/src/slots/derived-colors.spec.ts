import type { SlotDefinition } from '@tcma/campaign-model';
import { contrastRatio } from '../brand/contrast';
import { derivedColorNames, derivedColorSlot, withDerivedColors } from './derived-colors';

const slots: SlotDefinition[] = [
  { name: 'primary_color', type: 'color', required: false, fallback: '#FD4' },
  { name: 'accent', type: 'color', required: false },
  { name: 'company_name', type: 'text', required: true },
];
const byName = new Map(slots.map((s) => [s.name, s]));

describe('derived colours', () => {
  it('gives dark text and a darker button shade for a light colour, and leaves a dark one as it is', () => {
    const sut = withDerivedColors(
      slots,
      new Map([
        ['primary_color', '#fde047'],
        ['accent', '#0f766e'],
        ['company_name', 'Acme'],
      ]),
    );
    expect(sut.get('primary_color_text')).toBe('#000000');
    const shade = sut.get('primary_color_readable') as string;
    expect(shade).not.toBe('#fde047');
    expect(contrastRatio(shade, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(sut.get('accent_text')).toBe('#ffffff');
    expect(sut.get('accent_readable')).toBe('#0f766e');
    expect(sut.has('company_name_text')).toBe(false);
  });

  it('is empty where the colour is', () => {
    const sut = withDerivedColors(slots, new Map([['primary_color', null]]));
    expect(sut.get('primary_color_text')).toBeNull();
    expect(sut.get('primary_color_readable')).toBeNull();
  });

  it('exists only for colour slots, with a fallback derived from the colour slot', () => {
    expect(derivedColorNames(slots[0])).toEqual(['primary_color_text', 'primary_color_readable']);
    expect(derivedColorNames(slots[2])).toEqual([]);
    expect(derivedColorSlot('primary_color_text', byName)).toEqual({
      slot: { name: 'primary_color_text', type: 'color', required: false, fallback: '#000000' },
      base: slots[0],
    });
    expect(derivedColorSlot('accent_readable', byName)?.slot.fallback).toBeUndefined();
    expect(derivedColorSlot('company_name_text', byName)).toBeNull();
    expect(derivedColorSlot('missing_text', byName)).toBeNull();
  });
});
