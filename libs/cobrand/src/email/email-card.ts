import sharp from 'sharp';
import { FONT_FAMILY, FONT_FILES } from '../fonts/fonts';
import type { EmailCardContent } from './email-card-content';

/**
 * An email's card is the size of a PDF's thumbnail (an A4 page at 36 dpi), so every card of
 * the catalogue frames the same shape.
 */
export const EMAIL_CARD_SIZE = { width: 298, height: 421 } as const;

export interface EmailCardInput {
  content: EmailCardContent;
  /** The partner's logo (the brand kit's PNG); without one its name stands at the top. */
  logo: Uint8Array | null;
  logoFallback: string | null;
}

const { width: WIDTH, height: HEIGHT } = EMAIL_CARD_SIZE;
const PAD = 16;
const INNER = WIDTH - 2 * PAD;
/**
 * The logo's box. Larger than the email's own proportion (an email is 600 px wide, its logo
 * often 180 px): a card's first job is to show whose it is.
 */
const LOGO_BOX = { width: 160, height: 56 };

interface Style {
  px: number;
  bold: boolean;
  color: string;
  maxLines: number;
}

const SUBJECT: Omit<Style, 'color'> = { px: 13, bold: true, maxLines: 2 };
const PREHEADER: Omit<Style, 'color'> = { px: 11, bold: false, maxLines: 2 };
const HEADING: Omit<Style, 'color'> = { px: 17, bold: true, maxLines: 3 };
const PARAGRAPH: Omit<Style, 'color'> = { px: 11, bold: false, maxLines: 5 };
const BUTTON: Omit<Style, 'color'> = { px: 12, bold: true, maxLines: 1 };
const NAME: Omit<Style, 'color'> = { px: 18, bold: true, maxLines: 2 };

interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

const markupEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

async function rasterText(text: string, style: Style, width: number): Promise<Raster> {
  const out = await sharp({
    text: {
      text: `<span foreground="${style.color}" size="${Math.round(style.px * 1024)}">${markupEscape(text)}</span>`,
      font: style.bold ? `${FONT_FAMILY} Bold` : FONT_FAMILY,
      fontfile: style.bold ? FONT_FILES.bold : FONT_FILES.regular,
      width,
      dpi: 72,
      wrap: 'word-char',
      rgba: true,
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height };
}

// The height of N lines of a style, measured once per process.
const heights = new Map<string, Promise<number>>();
function linesHeight(style: Style): Promise<number> {
  const key = `${style.px}:${style.bold}:${style.maxLines}`;
  let h = heights.get(key);
  if (!h) {
    h = rasterText(Array(style.maxLines).fill('Ág').join('\n'), style, INNER).then((r) => r.height);
    heights.set(key, h);
  }
  return h;
}

/** The text in at most `maxLines` lines: the longest run of its first words that fits, with an ellipsis. */
async function fittedText(text: string, style: Style, width: number): Promise<Raster> {
  const whole = await rasterText(text, style, width);
  const max = await linesHeight(style);
  if (whole.height <= max && whole.width <= width) return whole;
  const words = text.split(' ');
  let [lo, hi] = [1, words.length - 1];
  let best = await rasterText(`${[...words[0]].slice(0, 20).join('')}…`, style, width);
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const candidate = await rasterText(`${words.slice(0, mid).join(' ')}…`, style, width);
    if (candidate.height <= max && candidate.width <= width) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

const layer = (r: Raster, left: number, top: number): sharp.OverlayOptions => ({
  input: r.data,
  raw: { width: r.width, height: r.height, channels: 4 },
  left: Math.round(left),
  top: Math.round(top),
});

/** A filled rectangle (colours are plain hex, checked when the content was read). */
const box = (width: number, height: number, fill: string, radius = 0): Buffer =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" rx="${radius}" fill="${fill}"/></svg>`,
  );

/**
 * The card of an email, drawn without a browser: on white, the partner's logo, the subject and
 * preheader as an inbox shows them, the heading on its section's colour, the first paragraph
 * and the first button in the email's own colours (the brand kit's, where the template uses
 * them), top to bottom. Each text is held to its lines (with an ellipsis), which together fit
 * the card whatever the email holds; the rest of the email is left out. PNG.
 */
export async function renderEmailCard(input: EmailCardInput): Promise<Buffer> {
  const { content } = input;
  const layers: sharp.OverlayOptions[] = [];
  let y = PAD;
  const room = (height: number) => y + height <= HEIGHT - PAD;

  if (input.logo) {
    const logo = await sharp(input.logo)
      .resize({ ...LOGO_BOX, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    layers.push(layer({ data: logo.data, width: logo.info.width, height: logo.info.height }, PAD, y));
    y += logo.info.height + 14;
  } else if (input.logoFallback) {
    const name = await fittedText(input.logoFallback, { ...NAME, color: '#111827' }, INNER);
    layers.push(layer(name, PAD, y));
    y += name.height + 14;
  }

  if (content.subject) {
    const subject = await fittedText(content.subject, { ...SUBJECT, color: '#111827' }, INNER);
    layers.push(layer(subject, PAD, y));
    y += subject.height + 4;
  }
  if (content.preheader) {
    const preheader = await fittedText(content.preheader, { ...PREHEADER, color: '#4b5563' }, INNER);
    layers.push(layer(preheader, PAD, y));
    y += preheader.height;
  }
  y += 14;

  if (content.heading) {
    const heading = await fittedText(content.heading.text, { ...HEADING, color: content.heading.color }, INNER);
    const band = heading.height + 2 * 14;
    if (room(band)) {
      layers.push({ input: box(WIDTH, band, content.heading.background), left: 0, top: y });
      layers.push(layer(heading, PAD, y + 14));
      y += band + 12;
    }
  }

  if (content.paragraph) {
    const paragraph = await fittedText(content.paragraph, { ...PARAGRAPH, color: '#1f2937' }, INNER);
    if (room(paragraph.height)) {
      layers.push(layer(paragraph, PAD, y));
      y += paragraph.height + 12;
    }
  }

  if (content.button) {
    const label = await fittedText(content.button.label, { ...BUTTON, color: content.button.color }, INNER - 32);
    const [w, h] = [label.width + 32, label.height + 16];
    if (room(h)) {
      const left = (WIDTH - w) / 2;
      layers.push({ input: box(w, h, content.button.background, 4), left: Math.round(left), top: y });
      layers.push(layer(label, left + 16, y + 8));
    }
  }

  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .png({ compressionLevel: 6 })
    .toBuffer();
}
