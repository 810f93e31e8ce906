import { ElementType, parseDocument } from 'htmlparser2';
import { hasWords } from './copy-text';
import { attributeCopy, CopyUnit, htmlCopy } from './mjml-copy';

type Document = ReturnType<typeof parseDocument>;
type Node = Document['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/**
 * Elements that flow within a line of text: a run of them and of text between two blocks is one
 * unit of copy, its tags numbered codes (htmlCopy), so an image within a sentence leaves the
 * sentence whole. The words in their attributes (an image's `alt`, a link's `title`) are units
 * of their own, which withTranslations puts back into the tags' codes. Any other element is a
 * block that ends a run.
 */
const INLINE = new Set(
  (
    'a abbr b bdi bdo br button cite code data del dfn em i img ins kbd label mark q s samp ' +
    'select small span strong sub sup time u var wbr'
  ).split(' '),
);
/** Elements whose content is not words for a reader: never copy, nor any of their attributes. */
const NOT_COPY = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'textarea']);
/** Attributes that carry words a reader sees or hears. */
const COPY_ATTRIBUTES = /(\s)(alt|title|placeholder|aria-label)(\s*=\s*)("([^"]*)"|'([^']*)')/g;

const isElement = (node: Node): node is Element => 'attribs' in node;
const isInline = (node: Node) => node.type === ElementType.Text || (isElement(node) && INLINE.has(node.name));

/**
 * The copy of a landing page's HTML, in document order: each run of text and inline elements
 * between blocks (a paragraph's content, a list item's, a heading's, the loose text of a `div`)
 * as a unit whose tags are codes, and the `alt`, `title`, `placeholder` and `aria-label`
 * attributes of every tag, those of a run's tags included. Runs and attributes without words (a logo,
 * a Handlebars block around it) are not units. Ids are `<prefix><n>` in document order, so the
 * same HTML always yields the same ids; withTranslations puts the translations back.
 */
export function copyOfHtml(html: string, prefix = 'h'): CopyUnit[] {
  const doc = parseDocument(html, {
    withStartIndices: true,
    withEndIndices: true,
    decodeEntities: false,
    recognizeSelfClosing: true,
    lowerCaseTags: true,
  });
  const runs: Array<Omit<CopyUnit, 'id'>> = [];
  const tags: Element[] = [];
  const visit = (parent: { children: Node[] }) => {
    let run: Node[] = [];
    const endRun = () => {
      const unit = runUnit(html, run);
      if (unit) runs.push(unit);
      // A run's tags are codes; the words in their attributes are units all the same.
      tags.push(...run.flatMap(elementsIn));
      run = [];
    };
    for (const node of parent.children) {
      if (isInline(node)) {
        run.push(node);
        continue;
      }
      endRun();
      if (isElement(node) && !NOT_COPY.has(node.name)) {
        tags.push(node);
        visit(node);
      }
    }
    endRun();
  };
  visit(doc);
  const attributes = tags.flatMap((tag) =>
    attributeCopy(openTag(html, tag.startIndex ?? 0), tag.startIndex ?? 0, COPY_ATTRIBUTES),
  );
  return [...runs, ...attributes].sort((a, b) => a.start - b.start).map((u, i) => ({ ...u, id: `${prefix}${i + 1}` }));
}

/** A run of inline nodes as a unit, its surrounding white space left out; none when it has no words. */
function runUnit(html: string, run: Node[]): Omit<CopyUnit, 'id'> | null {
  if (!run.length) return null;
  let start = run[0].startIndex ?? 0;
  let end = (run[run.length - 1].endIndex ?? start) + 1;
  while (start < end && /\s/.test(html[start])) start++;
  while (end > start && /\s/.test(html[end - 1])) end--;
  const copy = htmlCopy(html.slice(start, end));
  return hasWords(copy.text) ? { copy, kind: 'element', start, end } : null;
}

const elementsIn = (node: Node): Element[] =>
  isElement(node) && !NOT_COPY.has(node.name) ? [node, ...node.children.flatMap(elementsIn)] : [];

/** The source of the tag that opens at `start`, up to its `>` outside quotes. */
function openTag(html: string, start: number): string {
  let quote: string | null = null;
  for (let i = start; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return html.slice(start, i + 1);
  }
  return html.slice(start);
}
