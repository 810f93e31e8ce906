import * as fs from 'node:fs';
import * as path from 'node:path';
import { nestedUseBomb } from '../testing/hostile-files';
import { checkSvgComplexity, SVG_LIMITS } from './svg-complexity';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">${body}</svg>`;

describe(checkSvgComplexity.name, () => {
  it('accepts real logos', () => {
    const logo = fs.readFileSync(
      path.resolve(__dirname, '../../../../templates/acme-cloud-backup/partners/elliniki-logo.svg'),
      'utf8',
    );
    expect(checkSvgComplexity(logo)).toMatchObject({ ok: true });
    const icons = svg(
      `<defs><g id="dot"><circle r="2"/><circle r="1"/></g></defs>${Array.from({ length: 300 }, (_, i) => `<use xlink:href="#dot" x="${i}"/>`).join('')}`,
    );
    // The document, <svg>, <defs> and its group of two, then each use drawing the group again.
    expect(checkSvgComplexity(icons)).toEqual({ ok: true, rendered: 2 + 1 + 3 + 300 * (1 + 3) });
  });

  it('refuses nested <use> that would draw a billion shapes, at once', () => {
    const bomb = nestedUseBomb();
    expect(bomb.length).toBeLessThan(2000);
    const started = process.hrtime.bigint();
    expect(checkSvgComplexity(bomb)).toEqual({
      ok: false,
      message: expect.stringContaining(`more than ${SVG_LIMITS.renderedElements} elements`),
    });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
  });

  it('refuses references through patterns and gradients, loops, and deep chains', () => {
    const paints = svg(
      `<defs><pattern id="p0"><rect width="1" height="1"/></pattern>${Array.from({ length: 8 }, (_, i) => `<pattern id="p${i + 1}">${`<rect fill="url(#p${i})"/>`.repeat(10)}</pattern>`).join('')}</defs><rect style="fill: url('#p8')"/>`,
    );
    expect(checkSvgComplexity(paints)).toEqual({
      ok: false,
      message: expect.stringContaining('once its references are expanded'),
    });
    expect(checkSvgComplexity(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'))).toEqual({
      ok: false,
      message: expect.stringContaining('loop'),
    });
    const chain = svg(
      `${Array.from({ length: 30 }, (_, i) => `<linearGradient id="g${i}" href="#g${i + 1}"/>`).join('')}<linearGradient id="g30"/>`,
    );
    expect(checkSvgComplexity(chain)).toEqual({
      ok: false,
      message: expect.stringContaining('nested more than 16 deep'),
    });
    const sheet = svg(
      `<style>rect { fill: url(#p) }</style><pattern id="p">${'<circle r="1"/>'.repeat(50)}</pattern>${'<rect/>'.repeat(2000)}`,
    );
    expect(checkSvgComplexity(sheet)).toMatchObject({ ok: false });
  });

  it('refuses too many elements, <use> elements or levels of nesting', () => {
    expect(checkSvgComplexity(svg('<rect/>'.repeat(SVG_LIMITS.elements + 1)))).toEqual({
      ok: false,
      message: expect.stringContaining('elements (at most 10000)'),
    });
    expect(checkSvgComplexity(svg(`<rect id="r"/>${'<use href="#r"/>'.repeat(SVG_LIMITS.uses + 1)}`))).toEqual({
      ok: false,
      message: expect.stringContaining('<use> elements'),
    });
    expect(
      checkSvgComplexity(svg(`${'<g>'.repeat(SVG_LIMITS.depth + 1)}${'</g>'.repeat(SVG_LIMITS.depth + 1)}`)),
    ).toEqual({ ok: false, message: expect.stringContaining('nested') });
  });
});
