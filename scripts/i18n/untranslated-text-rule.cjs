// ESLint rule tcma/no-untranslated-text: in the web app's converted folders every sentence a
// user reads comes from a catalogue (t('key'), <Trans>), whole: no literal text in JSX or in a
// visible property (label, title, message…), no sentence glued from pieces (text beside a
// {t(…)}, t(a) + t(b), `${t(a)} …`), and keys written as literals so the catalogue checks see
// them. The folders not converted yet are listed in apps/web/untranslated.json (the lint skips
// them); docs/contributing.md, "Adding text to the web app", says how to convert one.
'use strict';

/** Names of props and properties whose string a user reads or hears. */
const VISIBLE = [
  'label',
  'title',
  'description',
  'placeholder',
  'message',
  'notice',
  'text',
  'tooltip',
  'caption',
  'hint',
  'heading',
  'alt',
  'error',
  'empty',
  'summary',
  'valuetext',
];

/** `label`, `ariaLabel`, `aria-label`, `confirmLabel`: the name ends in one of the words above. */
function isVisibleName(name) {
  return VISIBLE.some(
    (word) => name === word || name.endsWith(`-${word}`) || name.endsWith(word.charAt(0).toUpperCase() + word.slice(1)),
  );
}

const hasLetter = (text) => /\p{L}/u.test(text);

const isTCall = (node) =>
  node?.type === 'CallExpression' &&
  ((node.callee.type === 'Identifier' && /^t([A-Z]\w*)?$/.test(node.callee.name)) ||
    (node.callee.type === 'MemberExpression' &&
      !node.callee.computed &&
      node.callee.property.type === 'Identifier' &&
      node.callee.property.name === 't'));

/** Literal text with a letter in an expression a user would see: 'x', `x ${y}`, a ? 'x' : …, a && 'x'. */
function literalTextIn(node) {
  if (!node) return null;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && hasLetter(node.value) ? node : null;
    case 'TemplateLiteral':
      return node.quasis.some((q) => hasLetter(q.value.cooked ?? q.value.raw)) ? node : null;
    case 'ConditionalExpression':
      return literalTextIn(node.consequent) ?? literalTextIn(node.alternate);
    case 'LogicalExpression':
      return literalTextIn(node.right) ?? (node.operator === '&&' ? null : literalTextIn(node.left));
    case 'BinaryExpression':
      return node.operator === '+' ? (literalTextIn(node.left) ?? literalTextIn(node.right)) : null;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return literalTextIn(node.expression);
    default:
      return null;
  }
}

const containsTCall = (node) =>
  !!node &&
  (isTCall(node) ||
    (node.type === 'BinaryExpression' && (containsTCall(node.left) || containsTCall(node.right))) ||
    (node.type === 'ConditionalExpression' && (containsTCall(node.consequent) || containsTCall(node.alternate))));

const propertyName = (key) =>
  key.type === 'Identifier' ? key.name : key.type === 'Literal' && typeof key.value === 'string' ? key.value : null;

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text comes from the catalogues, in whole sentences' },
    schema: [],
    messages: {
      literal:
        'User-visible text belongs in the catalogue of this folder (messages/en.json and its three translations): use t(…) or <Trans>.',
      glued:
        'A sentence built from pieces cannot be translated: make it one message with {{placeholders}} (or <Trans> for links and emphasis).',
      computedKey:
        'A message key is a string literal, so the catalogue checks can see it: map each case to its own t(…) call.',
    },
  },
  create(context) {
    const report = (node, messageId) => context.report({ node, messageId });
    return {
      JSXAttribute(node) {
        const name = node.name.type === 'JSXNamespacedName' ? node.name.name.name : node.name.name;
        if (!isVisibleName(name) || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        const found = literalTextIn(value);
        if (found) report(found, 'literal');
      },
      JSXExpressionContainer(node) {
        if (node.parent.type !== 'JSXElement' && node.parent.type !== 'JSXFragment') return;
        const found = literalTextIn(node.expression);
        if (found) report(found, 'literal');
      },
      'JSXElement, JSXFragment'(node) {
        // Text beside a translated message in the same run of children ("{t('x')}: {n}", "Hello {t('y')}")
        // is a glued sentence; any other text with a letter is untranslated.
        const translated = node.children.some(
          (c) => c.type === 'JSXExpressionContainer' && containsTCall(c.expression),
        );
        for (const child of node.children) {
          if (child.type !== 'JSXText') continue;
          if (translated && child.value.trim()) report(child, 'glued');
          else if (hasLetter(child.value)) report(child, 'literal');
        }
      },
      Property(node) {
        const name = propertyName(node.key);
        if (!name || !isVisibleName(name) || node.parent.type !== 'ObjectExpression') return;
        const found = literalTextIn(node.value);
        if (found) report(found, 'literal');
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || !isVisibleName(node.id.name)) return;
        const found = literalTextIn(node.init);
        if (found) report(found, 'literal');
      },
      BinaryExpression(node) {
        if (node.operator === '+' && (containsTCall(node.left) || containsTCall(node.right))) report(node, 'glued');
      },
      TemplateLiteral(node) {
        if (!node.expressions.some(containsTCall)) return;
        const text = node.quasis.some((q) => (q.value.cooked ?? q.value.raw).trim());
        if (text || node.expressions.length > 1) report(node, 'glued');
      },
      CallExpression(node) {
        if (!isTCall(node)) return;
        const [key] = node.arguments;
        const literal =
          (key?.type === 'Literal' && typeof key.value === 'string') ||
          (key?.type === 'TemplateLiteral' && key.expressions.length === 0);
        if (!literal) report(key ?? node, 'computedKey');
      },
    };
  },
};
