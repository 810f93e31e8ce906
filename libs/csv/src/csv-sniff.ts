/** How many leading bytes of a file are looked at to tell CSV text from anything else. */
export const CSV_SNIFF_BYTES = 8192;

const SIGNATURES: Array<[bytes: number[], what: string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel .xlsx workbook is one: save it as "CSV UTF-8")'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel .xls workbook (save it as "CSV UTF-8")'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x1f, 0x8b], 'gzip-compressed'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xfe], 'UTF-16 text (save it as UTF-8)'],
  [[0xfe, 0xff], 'UTF-16 text (save it as UTF-8)'],
];

/**
 * Why the first bytes of a file are not CSV text, or null when they may be: a known binary
 * format, UTF-16, a NUL or other control byte no text file has, or bytes that are not UTF-8.
 * `complete` says the head is the whole file (a multi-byte character cut off at the end of
 * a longer file is not an error).
 */
export function notCsvText(head: Uint8Array, complete: boolean): string | null {
  for (const [bytes, what] of SIGNATURES) if (bytes.every((b, i) => head[i] === b)) return `is ${what}, not CSV text`;
  // Tab, LF, CR and form feed occur in text; the other C0 controls (NUL above all) do not.
  const control = head.findIndex((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c);
  if (control !== -1)
    return `has the control byte 0x${head[control].toString(16).padStart(2, '0')} at offset ${control}: binary data, not CSV text`;
  const text = complete ? head : head.subarray(0, utf8Boundary(head));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    return 'is not UTF-8 text (in Excel, save it as "CSV UTF-8")';
  }
  return null;
}

/** Where the last complete UTF-8 character of `bytes` ends. */
function utf8Boundary(bytes: Uint8Array): number {
  for (let i = bytes.length - 1, back = 0; i >= 0 && back < 4; i--, back++) {
    const b = bytes[i];
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + size <= bytes.length ? bytes.length : i;
    }
  }
  return bytes.length;
}
