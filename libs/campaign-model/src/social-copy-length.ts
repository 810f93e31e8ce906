import { SOCIAL_COPY_LIMITS, SocialNetwork } from './assets';

/**
 * How long a post's copy is as each network counts it: the one rule behind the authoring check
 * (422 past a limit), the renderer's guard and the numbers the console shows.
 *
 * - X counts as its own library (twitter-text, configuration v3) does: the text in Unicode NFC;
 *   Latin, Greek, Cyrillic and most other scripts' characters (code points up to U+10FF, and
 *   some punctuation) count 1, others (Chinese, Japanese, Korean…) 2, an emoji 2 however many
 *   code points it takes; and every link counts 23, the length of the t.co address X puts in
 *   its place, however long it is.
 * - LinkedIn, Facebook and Instagram count characters (code points) and links in full: none of
 *   them shortens a link in the post's text (Instagram does not even make it clickable).
 */

/**
 * The longest copy text taken at all, above every network's limit: each network's own limit, as
 * it counts (X counts a long link as 23), is a rule of the content, refused with 422 at its field.
 */
export const SOCIAL_COPY_MAX_TEXT = 65_536;

/** What X counts every link as: its t.co address. */
export const X_LINK_LENGTH = 23;

/** What a link counts as on each network; null: its own length. */
export const SOCIAL_LINK_LENGTHS: Record<SocialNetwork, number | null> = {
  linkedin: null,
  x: X_LINK_LENGTH,
  facebook: null,
  instagram: null,
};

/** The most one character can count: on X, a Chinese character or an emoji counts 2. */
export const SOCIAL_MAX_CHARACTER_WEIGHT: Record<SocialNetwork, number> = {
  linkedin: 1,
  x: 2,
  facebook: 1,
  instagram: 1,
};

/** twitter-text v3: code points in these ranges weigh 1, all others 2. */
const X_LIGHT_RANGES: Array<[number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

/**
 * Top-level domains after which a bare domain (`acme.com/trial`, no `https://`) is taken for a
 * link. X links many more (every domain with a path, most with any known TLD); a link written
 * with its scheme is always recognised, so write links with `https://` to be counted exactly.
 */
const BARE_LINK_TLDS = [
  'com',
  'net',
  'org',
  'info',
  'biz',
  'io',
  'co',
  'ai',
  'app',
  'dev',
  'me',
  'tv',
  'xyz',
  'online',
  'site',
  'tech',
  'store',
  'shop',
  'cloud',
  'eu',
  'edu',
  'gov',
];

const LINK = new RegExp(
  [
    // With a scheme, or starting with www.: up to the next blank.
    String.raw`\bhttps?:\/\/[^\s<>"]+`,
    String.raw`\bwww\.[^\s<>"]+`,
    // A bare domain with a common TLD, not part of an email address or a longer word, with an optional path.
    String.raw`(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${BARE_LINK_TLDS.join('|')})(?![\w-])(?:\/[^\s<>"]*)?`,
  ].join('|'),
  'giu',
);
/** Punctuation that ends a sentence rather than a link: `see https://acme.com.` */
const TRAILING = /[.,:;!?'")\]}]+$/u;

/** An emoji as one unit (shown as an emoji, not as text like ©): with its skin tone and joined parts; a flag; a keycap. */
const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*/gu;

export interface SocialCopyLink {
  /** UTF-16 offsets in the text measured. */
  start: number;
  end: number;
  url: string;
}

export interface SocialCopyCount {
  /** The length the network counts. */
  length: number;
  /** The links found, each counted as SOCIAL_LINK_LENGTHS says. */
  links: SocialCopyLink[];
}

/** The links in a text, as the counting rule finds them (trailing sentence punctuation left out). */
export function findSocialLinks(text: string): SocialCopyLink[] {
  const links: SocialCopyLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const url = match[0].replace(TRAILING, '');
    if (!url.length) continue;
    links.push({ start: match.index, end: match.index + url.length, url });
  }
  return links;
}

function xWeight(codePoint: number): number {
  return X_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

/** X's weighted length of plain text (no links in it). */
function xTextLength(text: string): number {
  let length = 0;
  const rest = text.replace(EMOJI, () => {
    length += 2;
    return '';
  });
  for (const char of rest) length += xWeight(char.codePointAt(0) ?? 0);
  return length;
}

/** How long `text` is on `network`, with the links it holds. */
export function countSocialCopy(network: SocialNetwork, text: string): SocialCopyCount {
  const measured = network === 'x' ? text.normalize('NFC') : text;
  const links = findSocialLinks(measured);
  const linkLength = SOCIAL_LINK_LENGTHS[network];
  let length = 0;
  let cursor = 0;
  const plain = (part: string) => (network === 'x' ? xTextLength(part) : [...part].length);
  for (const link of links) {
    length += plain(measured.slice(cursor, link.start)) + (linkLength ?? [...link.url].length);
    cursor = link.end;
  }
  length += plain(measured.slice(cursor));
  return { length, links };
}

/** Whether `text` fits the network's limit, and by how much it misses. */
export function socialCopyFits(network: SocialNetwork, text: string): { length: number; limit: number; fits: boolean } {
  const { length } = countSocialCopy(network, text);
  const limit = SOCIAL_COPY_LIMITS[network];
  return { length, limit, fits: length <= limit };
}
