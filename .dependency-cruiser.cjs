// The libs' boundaries, checked by `npm run lint` (depcruise) over libs/ and apps/: no lib
// imports a lib on a higher floor (libs/floors.json) or an app, nothing forms a cycle, and a lib
// reaches another only through its barrel (src/index.ts). docs/architecture/libs.md explains them.
'use strict';
const { loadFloors } = require('./scripts/boundaries/floors.cjs');

// The repository being checked: this one, or a fixture tree the boundaries test plants violations in.
const floors = loadFloors(process.cwd());
const anyOf = (libs) => `^libs/(${libs.join('|')})/`;

module.exports = {
  forbidden: [
    ...floors.order
      .map((floor) => ({ floor, libs: floors.on(floor), above: floors.above(floor) }))
      .filter(({ libs, above }) => libs.length && above.length)
      .map(({ floor, libs, above }) => ({
        name: 'lib-imports-a-higher-floor',
        severity: 'error',
        comment: `A ${floor} lib imports only libs on its own floor or below (libs/floors.json).`,
        from: { path: anyOf(libs) },
        to: { path: anyOf(above) },
      })),
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Imports form no cycle; across libs they run through barrels, so a cycle of libs is a cycle here.',
      from: { path: '^(libs|apps)/' },
      to: { circular: true },
    },
    {
      name: 'lib-imports-an-app',
      severity: 'error',
      comment: 'Apps compose libs; a lib never reaches back into an app.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'prompts-see-no-prospects',
      severity: 'error',
      comment:
        "What builds the assistant's prompts never reaches a prospect's data (docs/guide/assistant-data.md): not the libs that hold prospects, their sends or what they did, nor the renderer that fills a template for one.",
      from: { path: '^libs/assistant/' },
      to: {
        path: anyOf([
          'audience',
          'nurture',
          'recipients',
          'engagement',
          'tracking',
          'pages',
          'delivery',
          'launches',
          'rendering',
          'analytics',
        ]),
      },
    },
    {
      name: 'lib-reaches-past-a-barrel',
      severity: 'error',
      comment: 'Another lib is imported as @tcma/<name>, its barrel: what it does not export is its own.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
  ],
  options: {
    includeOnly: '^(libs|apps)/',
    exclude: { path: '^apps/web/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
