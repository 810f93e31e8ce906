import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { methodsMissingScope, tenantTables } from './testing/scope-walk';

const ROOT = path.resolve(__dirname, '../../..');

function files(dir: string, pick: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(full, pick);
    return pick(full) ? [full] : [];
  });
}

const source = (file: string) => ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
const relative = (file: string) => path.relative(ROOT, file);

describe('tenant scope of the repositories', () => {
  const tables = tenantTables(source(path.join(__dirname, 'db/database.types.ts')));

  it('knows the tenant tables from the generated schema', () => {
    expect(tables.get('launches')).toBe('launches');
    expect(tables.get('prospectListMembers')).toBe('prospect_list_members');
    expect(tables.has('instanceSettings')).toBe(false);
  });

  it('requires a scope argument, or a ForSystem name, on every repository method touching a tenant table', () => {
    const repositories = files(path.join(ROOT, 'libs'), (f) => f.endsWith('.repository.ts'));
    expect(repositories.length).toBeGreaterThan(10);
    const missing = repositories.flatMap((file) => methodsMissingScope(source(file), tables).map((m) => `${relative(file)}: ${m}`));
    expect(missing).toEqual([]);
  });

  it('leaves TypeORM to the schema: repositories query through the Database', () => {
    const repositories = files(path.join(ROOT, 'libs'), (f) => f.endsWith('.repository.ts'));
    expect(repositories.filter((f) => imports(source(f)).includes('typeorm')).map(relative)).toEqual([]);
  });

  it('flags a method that drops its scope (the rule itself)', () => {
    const sample = ts.createSourceFile(
      'sample.repository.ts',
      `export class SampleRepository {
         constructor(private readonly db: Database) {}
         find(scope: TenantScope, id: string) { return this.db.selectFrom('launches').where('id', '=', id); }
         findAny(id: string) { return this.db.selectFrom('launches as l').where('l.id', '=', id); }
         raw(id: string) { return sql\`SELECT 1 FROM enrollments e WHERE e.id = \${id}\`; }
         viaHelper(id: string) { return this.load(id); }
         private load(id: string) { return this.db.updateTable('sends').set({ status: 'sent' }).where('id', '=', id); }
         findForSystem(id: string) { return this.db.selectFrom('launches').where('id', '=', id); }
         settings() { return this.db.selectFrom('instanceSettings').selectAll(); }
       }`,
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(methodsMissingScope(sample, tables)).toEqual(['SampleRepository.findAny (launches)', 'SampleRepository.raw (enrollments)', 'SampleRepository.viaHelper (sends)']);
  });

  it('leaves TypeORM to the schema: nothing at run time imports it', () => {
    // Entities, migrations and the migration runner (libs/persistence) and the CLI's schema commands only.
    const runtime = ['libs', 'apps'].flatMap((dir) => files(path.join(ROOT, dir), (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')));
    const users = runtime.filter((f) => !f.includes(`${path.sep}libs${path.sep}persistence${path.sep}`) && !/apps\/cli\/src\/commands\/(migrate|migration-generate)\.command\.ts$/.test(f) && imports(source(f)).includes('typeorm'));
    expect(users.map(relative)).toEqual([]);
  });

  it('keeps queries in repositories: nothing else reaches the Database or Kysely', () => {
    const code = ['libs', 'apps'].flatMap((dir) => files(path.join(ROOT, dir), (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')));
    const outside = code.filter((f) => !f.endsWith('.repository.ts') && !f.includes(`${path.sep}libs${path.sep}persistence${path.sep}`));
    const users = outside.filter((f) => {
      const names = importedNames(source(f));
      return names.has('kysely') || names.has('Database') || names.has('Executor');
    });
    expect(users.map(relative)).toEqual([]);
  });
});

/** Module specifiers a file imports. */
const imports = (file: ts.SourceFile) => file.statements.filter(ts.isImportDeclaration).map((i) => (i.moduleSpecifier as ts.StringLiteral).text);

/** Names a file imports from @tcma/persistence, plus 'kysely' when it imports that package. */
function importedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const i of file.statements.filter(ts.isImportDeclaration)) {
    const from = (i.moduleSpecifier as ts.StringLiteral).text;
    if (from === 'kysely') names.add('kysely');
    const bindings = i.importClause?.namedBindings;
    if (from === '@tcma/persistence' && bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
  }
  return names;
}
