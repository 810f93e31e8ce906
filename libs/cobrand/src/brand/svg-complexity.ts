/**
 * Bounds on an SVG's work before it is rendered. A few kilobytes of nested <use> (each
 * drawing a group of uses of the level below) describe billions of shapes; the renderer
 * would spend seconds to minutes on them before giving up. Real logos stay far below these.
 */
export const SVG_LIMITS = {
  /** Elements written in the file. */
  elements: 10_000,
  /** Elements inside elements. */
  depth: 64,
  /** <use> elements written in the file. */
  uses: 1_000,
  /** References followed through one another (a <use> of a group holding a <use>…). */
  referenceDepth: 16,
  /** Elements drawn once every reference (<use>, url(#…) paints, filters, patterns…) is expanded. */
  renderedElements: 50_000,
} as const;

export type SvgComplexity = { ok: true; rendered: number } | { ok: false; message: string };

interface Node {
  name: string;
  children: number[];
  /** Ids this element draws or paints with. */
  refs: string[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!\w[^>]*>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const FRAGMENT_URL = /url\(\s*['"]?\s*#([^'")\s]+)/g;

function parse(svg: string): { nodes: Node[]; ids: Map<string, number>; maxDepth: number; sheetRefs: string[] } {
  const nodes: Node[] = [{ name: '#document', children: [], refs: [] }];
  const ids = new Map<string, number>();
  const stack = [0];
  const sheetRefs: string[] = [];
  let maxDepth = 0;
  let styleFrom = -1;
  for (let m = TOKEN.exec(svg); m; m = TOKEN.exec(svg)) {
    if (m[1] !== undefined) {
      // A closing tag: back to its element (an unmatched one closes nothing).
      const name = m[1];
      const at = stack.map((i) => nodes[i].name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      if (name === 'style' && styleFrom >= 0) {
        for (const ref of svg.slice(styleFrom, m.index).matchAll(FRAGMENT_URL)) sheetRefs.push(ref[1]);
        styleFrom = -1;
      }
      continue;
    }
    if (m[2] === undefined) continue;
    const name = m[2];
    const attributes = m[3];
    const node: Node = { name, children: [], refs: [] };
    const index = nodes.push(node) - 1;
    nodes[stack[stack.length - 1]].children.push(index);
    for (const a of attributes.matchAll(ATTRIBUTE)) {
      const [attribute, value] = [a[1], a[3] ?? a[4]];
      if (attribute === 'id') ids.set(value, index);
      else if ((attribute === 'href' || attribute === 'xlink:href') && value.trim().startsWith('#'))
        node.refs.push(value.trim().slice(1));
      for (const ref of value.matchAll(FRAGMENT_URL)) node.refs.push(ref[1]);
    }
    if (!attributes.trimEnd().endsWith('/')) {
      stack.push(index);
      maxDepth = Math.max(maxDepth, stack.length - 1);
      if (name === 'style') styleFrom = TOKEN.lastIndex;
    }
  }
  return { nodes, ids, maxDepth, sheetRefs };
}

/** Counts what rendering an SVG would draw, refusing one beyond SVG_LIMITS; cheap (one pass, then one walk). */
export function checkSvgComplexity(svg: string): SvgComplexity {
  const refuse = (why: string): SvgComplexity => ({
    ok: false,
    message: `The SVG is too complex to use as a logo: ${why}`,
  });
  const { nodes, ids, maxDepth, sheetRefs } = parse(svg);
  const elements = nodes.length - 1;
  if (elements > SVG_LIMITS.elements) return refuse(`it has ${elements} elements (at most ${SVG_LIMITS.elements})`);
  if (maxDepth > SVG_LIMITS.depth)
    return refuse(`its elements are nested ${maxDepth} deep (at most ${SVG_LIMITS.depth})`);
  const uses = nodes.filter((n) => n.name === 'use' || n.name.endsWith(':use')).length;
  if (uses > SVG_LIMITS.uses) return refuse(`it has ${uses} <use> elements (at most ${SVG_LIMITS.uses})`);

  // Elements drawn by each element, its references expanded; counting stops past the limit,
  // and so does following references (which also bounds the recursion here).
  const cap = SVG_LIMITS.renderedElements + 1;
  const drawn = new Map<number, { count: number; depth: number }>();
  const inProgress = new Set<number>();
  let cycle = false;
  let tooDeep = false;
  const walk = (index: number, level: number): { count: number; depth: number } => {
    const done = drawn.get(index);
    if (done) {
      if (level + done.depth > SVG_LIMITS.referenceDepth) tooDeep = true;
      return done;
    }
    if (inProgress.has(index)) cycle = true;
    if (level > SVG_LIMITS.referenceDepth) tooDeep = true;
    if (cycle || tooDeep) return { count: cap, depth: SVG_LIMITS.referenceDepth + 1 };
    inProgress.add(index);
    const node = nodes[index];
    let count = 1;
    let depth = 0;
    for (const child of node.children) {
      const c = walk(child, level);
      count = Math.min(cap, count + c.count);
      depth = Math.max(depth, c.depth);
    }
    for (const ref of node.refs) {
      const target = ids.get(ref);
      if (target === undefined) continue;
      const r = walk(target, level + 1);
      count = Math.min(cap, count + r.count);
      depth = Math.max(depth, r.depth + 1);
    }
    inProgress.delete(index);
    const result = { count, depth };
    drawn.set(index, result);
    return result;
  };
  let rendered = walk(0, 0).count;
  // A style sheet's url(#…) may paint every element.
  for (const ref of sheetRefs) {
    const target = ids.get(ref);
    if (target !== undefined) rendered = Math.min(cap, rendered + walk(target, 1).count * elements);
  }
  if (cycle) return refuse('its references form a loop');
  if (tooDeep) return refuse(`its references are nested more than ${SVG_LIMITS.referenceDepth} deep`);
  if (rendered > SVG_LIMITS.renderedElements)
    return refuse(`it draws more than ${SVG_LIMITS.renderedElements} elements once its references are expanded`);
  return { ok: true, rendered };
}
