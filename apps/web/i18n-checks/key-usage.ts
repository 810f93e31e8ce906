import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The message keys the code uses, read from its syntax: `t('key')` with `t` from
 * `useTranslation('<namespace>')` in an enclosing scope, `t('ns:key')` for another namespace,
 * and `<Trans i18nKey="key" t={t} />` (or `ns="…"`). A key must be a string literal, so the
 * checks see every key and no sentence is assembled from key fragments.
 */

/** The namespace a key without a prefix falls to where nothing else says (i18next's defaultNS). */
export const DEFAULT_NAMESPACE = 'shared';

export interface KeyUse {
  file: string;
  line: number;
  namespace: string;
  key: string;
}

export interface Usage {
  uses: KeyUse[];
  /** Calls the check cannot read (a computed key, a `t` of unknown namespace), one line each. */
  problems: string[];
}

interface Binding {
  name: string;
  scope: ts.Node;
  namespace: string;
}

const isScope = (node: ts.Node) => ts.isSourceFile(node) || ts.isBlock(node) || ts.isFunctionLike(node);

function enclosingScope(node: ts.Node): ts.Node {
  let at = node.parent;
  while (!isScope(at)) at = at.parent;
  return at;
}

const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** The namespaces `useTranslation(…)` names: its first (the one unprefixed keys use). */
function namespaceOfCall(call: ts.CallExpression): string | null {
  const [first] = call.arguments;
  if (!first) return DEFAULT_NAMESPACE;
  if (ts.isArrayLiteralExpression(first)) return literal(first.elements[0]);
  return literal(first);
}

/** The keys one source file uses. */
export function keysUsedIn(file: string, source: string): Usage {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const bindings: Binding[] = [];
  const uses: KeyUse[] = [];
  const problems: string[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const at = (node: ts.Node) => `${file}:${lineOf(node)}`;

  // First the bindings: `const { t } = useTranslation('ns')`, `const { t: tShared } = …`.
  const collect = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      node.initializer.expression.text === 'useTranslation' &&
      ts.isObjectBindingPattern(node.name)
    ) {
      const namespace = namespaceOfCall(node.initializer);
      for (const element of node.name.elements) {
        const property =
          element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : null;
        if ((property ?? (ts.isIdentifier(element.name) ? element.name.text : '')) !== 't') continue;
        if (!ts.isIdentifier(element.name)) continue;
        if (!namespace) problems.push(`${at(node)}: useTranslation needs its namespace as a string literal`);
        else bindings.push({ name: element.name.text, scope: enclosingScope(node), namespace });
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);

  const bindingFor = (name: string, node: ts.Node): Binding | undefined => {
    for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
      const found = bindings.find((b) => b.name === name && b.scope === scope);
      if (found) return found;
    }
    return undefined;
  };

  const use = (node: ts.Node, key: string, namespace: string | undefined) => {
    const prefixed = /^([^:\s]+):(.+)$/.exec(key);
    if (prefixed) uses.push({ file, line: lineOf(node), namespace: prefixed[1], key: prefixed[2] });
    else if (namespace) uses.push({ file, line: lineOf(node), namespace, key });
    else problems.push(`${at(node)}: cannot tell the namespace of "${key}": write it "<namespace>:${key}"`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee) && callee.name.text === 't'
          ? 't'
          : null;
      const binding = name && ts.isIdentifier(callee) ? bindingFor(name, node) : undefined;
      if (name === 't' || binding) {
        const key = literal(node.arguments[0]);
        if (key === null) problems.push(`${at(node)}: a message key must be a string literal`);
        else
          use(node, key, binding?.namespace ?? (ts.isPropertyAccessExpression(callee) ? DEFAULT_NAMESPACE : undefined));
      }
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText(sf) === 'Trans') {
      const attribute = (n: string) =>
        node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(sf) === n);
      const keyAttribute = attribute('i18nKey');
      const key = literal(keyAttribute?.initializer);
      if (key === null) problems.push(`${at(node)}: <Trans> needs i18nKey as a string literal`);
      else {
        const ns = literal(attribute('ns')?.initializer);
        const tValue = attribute('t')?.initializer;
        const tName =
          tValue && ts.isJsxExpression(tValue) && tValue.expression && ts.isIdentifier(tValue.expression)
            ? tValue.expression.text
            : null;
        use(node, key, ns ?? (tName ? bindingFor(tName, node)?.namespace : undefined));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { uses, problems };
}

/** What a file that uses a key contains: a `t(` call (any `t`, `i18n.t`), `useTranslation` or `<Trans`. */
const MAY_USE_KEYS = /\bt\(|useTranslation|<Trans\b/;

/** The keys every source file under `root` (the web app's src) uses; spec files are not the app's text. */
export function keysUsedUnder(root: string): Usage {
  const usage: Usage = { uses: [], problems: [] };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.(spec|test)\.tsx?$/.test(entry.name) &&
        !entry.name.endsWith('.d.ts')
      ) {
        const source = readFileSync(path, 'utf8');
        // Only a file that could name a key is parsed: most of the app's files do not.
        if (!MAY_USE_KEYS.test(source)) continue;
        const found = keysUsedIn(relative(root, path).split('\\').join('/'), source);
        usage.uses.push(...found.uses);
        usage.problems.push(...found.problems);
      }
    }
  };
  walk(root);
  return usage;
}
