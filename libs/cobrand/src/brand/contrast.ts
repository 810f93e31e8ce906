/** WCAG 2.x contrast, for warning partners whose colours make text hard to read. */
export const AA_NORMAL_TEXT = 4.5;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The most readable of black and white on a background. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/**
 * The nearest shade of `color` (mixed towards black or white) on which `text` reaches AA,
 * for suggesting a readable variant of a brand colour.
 */
export function shadeForContrast(color: string, text: string, target = AA_NORMAL_TEXT): string {
  if (contrastRatio(color, text) >= target) return color;
  const towards: [number, number, number] = luminance(text) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  const from = hexToRgb(color);
  for (let t = 0.05; t <= 1.0001; t += 0.05) {
    const mixed = rgbToHex([0, 1, 2].map((i) => from[i] + (towards[i] - from[i]) * t) as [number, number, number]);
    if (contrastRatio(mixed, text) >= target) return mixed;
  }
  return rgbToHex(towards);
}

export interface ContrastWarning {
  field: string;
  color: string;
  text: string;
  ratio: number;
  message: string;
  suggestedTextColor: string;
  suggestedColor: string;
}

/** The text each brand colour is expected to carry: white on the primary (buttons, banners), body text on the secondary (panels). */
export const EXPECTED_TEXT: Record<string, string> = { primaryColor: '#ffffff', secondaryColor: '#1f2937' };

/**
 * Warnings for brand colours on which their expected text (see EXPECTED_TEXT) fails WCAG AA;
 * each suggests a readable text colour and a readable shade of the brand colour.
 */
export function contrastWarnings(colors: Record<string, string | null | undefined>): ContrastWarning[] {
  const warnings: ContrastWarning[] = [];
  for (const [field, color] of Object.entries(colors)) {
    if (!color) continue;
    const text = EXPECTED_TEXT[field] ?? '#ffffff';
    const ratio = contrastRatio(color, text);
    if (ratio >= AA_NORMAL_TEXT) continue;
    const suggestedTextColor = readableTextColor(color);
    const suggestedColor = shadeForContrast(color, text);
    const rounded = Math.round(ratio * 100) / 100;
    warnings.push({
      field,
      color,
      text,
      ratio: rounded,
      suggestedTextColor,
      suggestedColor,
      message: `Text in ${text} on ${color} has a contrast of ${rounded}:1; WCAG AA needs ${AA_NORMAL_TEXT}:1. Use ${suggestedTextColor} text on it, or a shade such as ${suggestedColor}.`,
    });
  }
  return warnings;
}
