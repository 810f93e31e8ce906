/**
 * A translator's tool, for tests: every unit's source of an exported XLIFF file returned as its
 * target, each run of text (outside the inline `<ph>`/`<pc>` codes, which are kept as they are)
 * prefixed with `mark`, so a test can tell the translated copy from the original.
 */
export function translateXliff(xml: string, mark = 'DE '): string {
  return xml.replace(/<source>([\s\S]*?)<\/source>/g, (_m, source: string) => {
    const target = source.replace(
      /(^|>)([^<]*\S[^<]*)(?=<|$)/g,
      (_t, lead: string, text: string) => `${lead}${mark}${text}`,
    );
    return `<source>${source}</source><target>${target}</target>`;
  });
}
