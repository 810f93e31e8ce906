import { contrastRatio, contrastWarnings, readableTextColor, shadeForContrast } from './contrast';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0b5fff', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('suggests a readable text colour and a readable shade', () => {
    expect(readableTextColor('#fde047')).toBe('#000000');
    expect(readableTextColor('#1e3a8a')).toBe('#ffffff');
    const shade = shadeForContrast('#fde047', '#ffffff');
    expect(contrastRatio(shade, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('warns for a primary colour that fails under white text and a secondary that fails under body text', () => {
    expect(contrastWarnings({ primaryColor: '#0f766e', secondaryColor: '#f0fdfa' })).toEqual([]);
    const warnings = contrastWarnings({ primaryColor: '#fde047', secondaryColor: '#1e3a8a' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ field: 'primaryColor', suggestedTextColor: '#000000' });
    expect(warnings[1]).toMatchObject({ field: 'secondaryColor', text: '#1f2937', suggestedTextColor: '#ffffff' });
    expect(warnings[0].message).toContain('WCAG AA needs 4.5:1');
  });
});
