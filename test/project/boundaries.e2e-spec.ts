import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, script: string, args: string[]): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status, stdout, stderr };
}

/** The boundary rules npm run lint runs (.dependency-cruiser.cjs) over `cwd`'s libs and apps: what they refuse. */
function cruise(cwd: string): { status: number | null; violations: string[]; stderr: string } {
  const config = path.join(ROOT, '.dependency-cruiser.cjs');
  const result = run(cwd, DEPCRUISE, ['libs', 'apps', '--config', config, '--output-type', 'json']);
  if (!result.stdout) return { status: result.status, violations: [], stderr: result.stderr };
  const report = JSON.parse(result.stdout) as {
    summary: {
      violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }>;
    };
  };
  const violations = report.summary.violations.map(
    (v) => `${v.rule.name}: ${[v.from, ...(v.cycle ? v.cycle.map((c) => c.name) : [v.to])].join(' → ')}`,
  );
  return { status: result.status, violations: violations.sort(), stderr: result.stderr };
}

/** What the …ForSystem rule (scripts/boundaries/for-system-rule.cjs) reports, with typed linting, in `files` of `cwd`. */
function lintForSystem(cwd: string, files: string[]): string[] {
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-eslint-')), 'eslint.config.mjs');
  fs.writeFileSync(
    config,
    `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});
const tseslint = require('typescript-eslint');
const forSystemCallers = require(${JSON.stringify(path.join(ROOT, 'scripts/boundaries/for-system-rule.cjs'))});
export default [{
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(cwd)} } },
  plugins: { tcma: { rules: { 'for-system-callers': forSystemCallers } } },
  rules: { 'tcma/for-system-callers': ['error', { root: ${JSON.stringify(cwd)} }] },
}];
`,
  );
  try {
    const result = run(cwd, ESLINT, ['--config', config, '--format', 'json', '--no-inline-config', ...files]);
    const report = JSON.parse(result.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string | null; fatal?: boolean; line: number; message: string }>;
    }>;
    // Notes on the inline directives it ignores have no rule; a file it could not parse is fatal.
    return report.flatMap((f) =>
      f.messages
        .filter((m) => m.ruleId !== null || m.fatal)
        .map((m) => `${path.relative(cwd, f.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
    );
  } finally {
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
  }
}

/** A tree of files under a fresh temporary directory. */
function plant(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-boundaries-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const floors = (libs: Record<string, string>, forSystemCallers: Record<string, Record<string, string>> = {}) =>
  JSON.stringify({
    floors: ['pure', 'infrastructure', 'domain', 'features'].map((name) => ({ name, meaning: name })),
    libs: Object.fromEntries(Object.entries(libs).map(([lib, floor]) => [lib, { floor, purpose: lib }])),
    forSystemCallers,
  });

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    module: 'node16',
    moduleResolution: 'node16',
    target: 'ES2022',
    strict: true,
    noEmit: true,
    types: [],
    baseUrl: '.',
    paths: { '@tcma/*': ['libs/*/src'] },
  },
  include: ['libs/**/*.ts', 'apps/**/*.ts'],
});

// The real tree is not checked here: npm run lint (CI's lint stage) runs both rules over it,
// dependency-cruiser over libs and apps and the …ForSystem rule in ESLint's typed pass, and a
// second whole-tree run here cost CI about 45 s (the typed pass builds the whole program again).
// These tests show that the rules refuse what they exist to refuse.
describe('the boundaries the lint keeps', () => {
  const planted: string[] = [];
  afterAll(() => {
    for (const dir of planted) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails on a lib importing a higher floor, a cycle, a lib importing an app, a reach past a barrel', () => {
    const dir = plant({
      'tsconfig.json': TSCONFIG,
      'libs/floors.json': floors({ rules: 'pure', ledger: 'domain', tenants: 'domain', pages: 'features' }),
      'libs/rules/src/index.ts': `export { due } from './due';\n`,
      // A pure lib reaching up to a domain lib.
      'libs/rules/src/due.ts': `import { ledgerName } from '@tcma/ledger';\nexport const due = () => ledgerName;\n`,
      'libs/ledger/src/index.ts': `export { ledgerName } from './ledger';\n`,
      // Two domain libs importing each other.
      'libs/ledger/src/ledger.ts': `import { tenantName } from '@tcma/tenants';\nexport const ledgerName = 'ledger of ' + tenantName;\n`,
      'libs/tenants/src/index.ts': `export { tenantName, ledgerOfTenants } from './tenants';\n`,
      'libs/tenants/src/tenants.ts': `import { ledgerName } from '@tcma/ledger';\nexport const tenantName = 'tenants';\nexport const ledgerOfTenants = () => ledgerName;\n`,
      'libs/pages/src/index.ts': `export { page } from './page';\n`,
      // A feature lib reaching into an app, and past another lib's barrel.
      'libs/pages/src/page.ts': `import { port } from '../../../apps/api/src/main';\nimport { ledgerName } from '../../ledger/src/ledger';\nexport const page = () => port + ledgerName;\n`,
      'apps/api/src/main.ts': `export const port = 3000;\n`,
    });
    planted.push(dir);
    // Each planted break, and nothing else: a feature importing a domain lib is the floors' direction.
    expect(cruise(dir).violations).toEqual([
      'lib-imports-a-higher-floor: libs/rules/src/due.ts → libs/ledger/src/index.ts',
      'lib-imports-an-app: libs/pages/src/page.ts → apps/api/src/main.ts',
      'lib-reaches-past-a-barrel: libs/pages/src/page.ts → libs/ledger/src/ledger.ts',
      'no-circular: libs/ledger/src/index.ts → libs/ledger/src/ledger.ts → libs/tenants/src/index.ts → ' +
        'libs/tenants/src/tenants.ts → libs/ledger/src/index.ts',
    ]);
  });

  it('stops on a lib without a floor', () => {
    const dir = plant({
      'tsconfig.json': TSCONFIG,
      'libs/floors.json': floors({ rules: 'pure' }),
      'libs/rules/src/index.ts': `export const rule = 1;\n`,
      'libs/stray/src/index.ts': `export const stray = 1;\n`,
    });
    planted.push(dir);
    const { status, stderr } = cruise(dir);
    expect(status).not.toBe(0);
    expect(stderr).toContain('libs/stray has no floor in libs/floors.json');
  });

  it('lets a …ForSystem method be called only by its own lib and the libs its allow-list names', () => {
    const dir = plant({
      'tsconfig.json': TSCONFIG,
      'libs/floors.json': floors(
        { ledger: 'domain', pages: 'features', engagement: 'features' },
        { ledger: { engagement: 'judges events across tenants' } },
      ),
      'libs/ledger/src/index.ts': `export { LedgerRepository } from './ledger.repository';\n`,
      'libs/ledger/src/ledger.repository.ts': `export class LedgerRepository {
  findForSystem(id: string): string { return id; }
  find(scope: string, id: string): string { return this.findForSystem(scope + id); }
}
`,
      // A foreign lib: directly, and through a Pick<> of the repository.
      'libs/pages/src/index.ts': `export { Pages } from './pages';\n`,
      'libs/pages/src/pages.ts': `import { LedgerRepository } from '@tcma/ledger';
type LedgerReads = Pick<LedgerRepository, 'findForSystem'>;
export class Pages {
  constructor(private readonly ledger: LedgerRepository, private readonly reads: LedgerReads) {}
  scoped(): string { return this.ledger.find('vendor', '1'); }
  direct(): string { return this.ledger.findForSystem('1'); }
  picked(): string { return this.reads.findForSystem('2'); }
}
`,
      // A lib on the allow-list.
      'libs/engagement/src/index.ts': `export { Judge } from './judge';\n`,
      'libs/engagement/src/judge.ts': `import { LedgerRepository } from '@tcma/ledger';
export class Judge {
  constructor(private readonly ledger: LedgerRepository) {}
  judge(): string { return this.ledger.findForSystem('3'); }
}
`,
    });
    planted.push(dir);
    const refusal =
      'tcma/for-system-callers: findForSystem crosses tenants and belongs to libs/ledger: libs/pages may call it' +
      ' only if libs/floors.json names it under forSystemCallers.ledger, with the reason.';
    expect(lintForSystem(dir, ['libs'])).toEqual([
      `libs/pages/src/pages.ts:6 ${refusal}`,
      `libs/pages/src/pages.ts:7 ${refusal}`,
    ]);
  });
});

describe('docs/architecture/libs.md', () => {
  it('lists every lib on the floor libs/floors.json gives it', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'libs/floors.json'), 'utf8')) as {
      libs: Record<string, { floor: string }>;
    };
    const page = fs.readFileSync(path.join(ROOT, 'docs/architecture/libs.md'), 'utf8');
    const rows = [...page.matchAll(/^\| `([a-z-]+)` +\| ([a-z]+) +\|/gm)].map((m) => `${m[1]}: ${m[2]}`);
    const floors = Object.entries(spec.libs).map(([lib, { floor }]) => `${lib}: ${floor}`);
    expect(rows.sort()).toEqual(floors.sort());
  });
});
