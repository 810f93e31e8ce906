import { compile } from 'html-to-text';
import type { RenderedEmail } from './email-renderer';

/** What an email's card (its thumbnail) shows of it, read from the email as rendered for one partner. */
export interface EmailCardContent {
  subject: string;
  preheader: string;
  /** The text in the email's largest type, with its colour and the background of its section. */
  heading: { text: string; color: string; background: string } | null;
  /** The first body text after the heading long enough to be a paragraph (a greeting is skipped). */
  paragraph: string | null;
  /** The first button (MJML's mj-button): its label and colours. */
  button: { label: string; color: string; background: string } | null;
}

/** A text block shorter than this is a greeting or a sign-off, not the paragraph a card shows. */
export const PARAGRAPH_MIN_CHARS = 40;

const WHITE = '#ffffff';
const INK = '#1f2937';

// The card reads the HTML MJML generates, whose shapes are fixed by MJML itself: an mj-text is a
// <div style> alone in a <td … word-break:break-word>, a section opens with a <div style="…
// margin:0px auto;max-width:…">, an mj-button is a <td bgcolor role="presentation"> around an
// <a> (or a <p> without a link). Anything else in an email is simply not on its card.
const TEXT_BLOCK = /<td\b[^>]*word-break:break-word;?"[^>]*>\s*<div\b([^>]*)>([\s\S]*?)<\/div>\s*<\/td>/gi;
const SECTION = /<div\b[^>]*style="([^"]*margin:0px auto;max-width:\d+px;?)"/gi;
const BUTTON = /<td\b[^>]*\bbgcolor="([^"]*)"[^>]*\brole="presentation"[^>]*>\s*<(a|p)\b([^>]*)>([\s\S]*?)<\/\2>/i;
/** Only plain hex colours reach the drawing (they are written into markup there). */
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Each block's text as a reader sees it: no images, no link addresses. Compiled once. */
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
});

function styleOf(attributes: string): string {
  return /\bstyle="([^"]*)"/i.exec(attributes)?.[1] ?? '';
}

function property(style: string, name: string): string | null {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1].trim() ?? null;
}

function colour(value: string | null, fallback: string): string {
  return value && HEX.test(value) ? value.toLowerCase() : fallback;
}

function plain(html: string): string {
  return toText(html).replace(/\s+/g, ' ').trim();
}

interface TextBlock {
  index: number;
  text: string;
  fontSize: number;
  color: string;
}

/** The subject, preheader, heading, first paragraph and first button of an email rendered from MJML. */
export function emailCardContent(email: RenderedEmail): EmailCardContent {
  const html = email.html;
  const blocks: TextBlock[] = [];
  for (const m of html.matchAll(TEXT_BLOCK)) {
    const text = plain(m[2]);
    if (!text) continue;
    const style = styleOf(m[1]);
    blocks.push({
      index: m.index ?? 0,
      text,
      fontSize: parseFloat(property(style, 'font-size') ?? '') || 13,
      color: colour(property(style, 'color'), INK),
    });
  }
  // The heading is the first block in the largest type, when some type is larger than the rest.
  const largest = Math.max(...blocks.map((b) => b.fontSize));
  const smallest = Math.min(...blocks.map((b) => b.fontSize));
  const headingBlock = blocks.length && largest > smallest ? blocks.find((b) => b.fontSize === largest) : undefined;
  const after = headingBlock ? blocks.filter((b) => b.index > headingBlock.index) : blocks;
  const paragraph = after.find((b) => b.text.length >= PARAGRAPH_MIN_CHARS) ?? after[0];

  let heading: EmailCardContent['heading'] = null;
  if (headingBlock) {
    let background = WHITE;
    for (const s of html.matchAll(SECTION)) {
      if ((s.index ?? 0) > headingBlock.index) break;
      background = colour(property(s[1], 'background-color'), WHITE);
    }
    heading = { text: headingBlock.text, color: headingBlock.color, background };
  }

  const b = BUTTON.exec(html);
  const label = b ? plain(b[4]) : '';
  const button =
    b && label
      ? { label, background: colour(b[1], INK), color: colour(property(styleOf(b[3]), 'color'), WHITE) }
      : null;

  return {
    subject: email.subject.replace(/\s+/g, ' ').trim(),
    preheader: email.preheader.replace(/\s+/g, ' ').trim(),
    heading,
    paragraph: paragraph?.text ?? null,
    button,
  };
}
