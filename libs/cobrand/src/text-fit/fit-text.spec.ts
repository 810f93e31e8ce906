import { fitText, MIN_FONT_SIZE } from './fit-text';

// A monospace measure: every character is 0.6 of the font size wide.
const mono = (s: string) => [...s].length * 0.6;

describe(fitText.name, () => {
  it('uses the largest size allowed when the text fits on one line', () => {
    expect(fitText('Northwind', { width: 200, height: 30, maxFontSize: 16 }, mono)).toEqual({
      size: 16,
      lineHeight: 19.2,
      lines: ['Northwind'],
      truncated: false,
    });
  });

  it('shrinks before it wraps, and wraps before it truncates', () => {
    const shrunk = fitText('A rather long company name', { width: 100, height: 20, maxFontSize: 16 }, mono);
    expect(shrunk.lines).toHaveLength(1);
    expect(mono(shrunk.lines[0]) * shrunk.size).toBeLessThanOrEqual(100);
    const wrapped = fitText(
      'A rather long company name that goes on and on',
      { width: 100, height: 40, maxFontSize: 16 },
      mono,
    );
    expect(wrapped.lines.length).toBeGreaterThan(1);
    expect(wrapped.lines.length * wrapped.lineHeight).toBeLessThanOrEqual(40);
    const cut = fitText('word '.repeat(500), { width: 60, height: 16 }, mono);
    expect(cut.truncated).toBe(true);
    expect(cut.size).toBe(MIN_FONT_SIZE);
    expect(cut.lines[cut.lines.length - 1].endsWith('…')).toBe(true);
  });

  it('never overflows, whatever the text', () => {
    for (const text of [
      'x',
      'Ελληνική Πληροφορική Α.Ε.',
      'a'.repeat(10_000),
      'ul. Piotrkowska 104\n90-926 Łódź\nPolska',
      'Supercalifragilisticexpialidocious'.repeat(20),
    ]) {
      const box = { width: 120, height: 24, maxFontSize: 14 };
      const fit = fitText(text, box, mono);
      expect(fit.lines.length * fit.lineHeight).toBeLessThanOrEqual(box.height + 1e-6);
      for (const line of fit.lines) expect(mono(line) * fit.size).toBeLessThanOrEqual(box.width + 1e-6);
    }
  });
});

describe('fitText with line breaks', () => {
  it('keeps an address on its lines when they fit, and runs them together when that reads larger', () => {
    const address = 'ul. Piotrkowska 104\n90-926 Łódź\nPolska';
    expect(fitText(address, { width: 200, height: 60, maxFontSize: 12 }, mono).lines).toEqual([
      'ul. Piotrkowska 104',
      '90-926 Łódź',
      'Polska',
    ]);
    const flat = fitText(address, { width: 480, height: 24, maxFontSize: 10 }, mono);
    expect(flat.lines).toEqual(['ul. Piotrkowska 104, 90-926 Łódź, Polska']);
    expect(flat.size).toBe(10);
  });
});
