export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';

/**
 * The real type of uploaded bytes, from their signature; the name and the Content-Type a
 * client sends are not trusted. SVG is recognised as text whose first element is <svg>.
 */
export function sniffType(bytes: Buffer): SniffedType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  // Text that starts as XML and has an <svg> element early on; whether it is safe to use
  // is decided later, so an SVG with a hostile prolog is still recognised as SVG.
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<(\?xml|!DOCTYPE|!--|svg[\s>])/i.test(head) && /<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}
