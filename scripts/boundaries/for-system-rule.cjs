// ESLint rule tcma/for-system-callers: a method named …ForSystem crosses tenants, so only the lib
// that declares it calls it, or a lib its entry in libs/floors.json (forSystemCallers) names with
// a reason. The declaring lib comes from the type checker (a Pick<> of a repository still points
// at the repository), so the rule needs typed linting.
'use strict';
const path = require('node:path');
const { loadFloors, libOf } = require('./floors.cjs');

const floorsOf = new Map();

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: '…ForSystem methods are called only by their own lib or the libs its allow-list names' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      foreign:
        '{{method}} crosses tenants and belongs to libs/{{owner}}: libs/{{caller}} may call it only if libs/floors.json names it under forSystemCallers.{{owner}}, with the reason.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const caller = libOf(path.relative(root, context.filename));
    const services = context.sourceCode.parserServices;
    if (!caller || !services?.program) return {};
    if (!floorsOf.has(root)) floorsOf.set(root, loadFloors(root));
    const floors = floorsOf.get(root);
    const checker = services.program.getTypeChecker();
    return {
      'MemberExpression[property.name=/ForSystem$/]'(node) {
        const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node.property));
        const owners = new Set(
          (symbol?.declarations ?? []).map((d) => libOf(path.relative(root, d.getSourceFile().fileName))),
        );
        for (const owner of owners)
          if (owner && !floors.mayCallForSystem(owner, caller))
            context.report({
              node: node.property,
              messageId: 'foreign',
              data: { method: node.property.name, owner, caller },
            });
      },
    };
  },
};
