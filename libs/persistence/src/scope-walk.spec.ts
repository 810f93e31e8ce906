import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { foreignKeys, methodsMissingScope, tenantTables } from './testing/scope-walk';

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
  const entities = files(path.join(__dirname, 'entities'), (f) => f.endsWith('.entity.ts')).map(source);
  const tables = tenantTables(source(path.join(__dirname, 'db/database.types.ts')), entities);

  it('knows the tenant tables from the generated schema and the foreign keys', () => {
    expect(tables.get('launches')).toBe('launches');
    expect(tables.get('vendors')).toBe('vendors');
    // Without a vendorId column of their own, owned through a parent row (a foreign key).
    for (const owned of [
      'prospectListMembers',
      'campaignVersions',
      'apiTokens',
      'sessions',
      'passwordResets',
      'webhookAttempts',
    ])
      expect([owned, tables.has(owned)]).toEqual([owned, true]);
    // The installation's own tables, and content-addressed caches no tenant owns.
    for (const shared of ['instanceSettings', 'workers', 'signInThrottles', 'publicBlobs', 'renderedAssets'])
      expect([shared, tables.has(shared)]).toEqual([shared, false]);
  });

  it('reads the foreign keys from the entities', () => {
    const keys = foreignKeys(entities);
    expect([...(keys.get('sessions') ?? [])]).toEqual(['users']);
    expect([...(keys.get('webhook_attempts') ?? [])]).toEqual(['webhook_deliveries']);
    expect([...(keys.get('prospect_list_members') ?? [])].sort()).toEqual(['prospect_lists', 'prospects']);
  });

  it('requires a scope argument, applied, or a ForSystem name, on every repository method touching a tenant table', () => {
    const repositories = files(path.join(ROOT, 'libs'), (f) => f.endsWith('.repository.ts'));
    expect(repositories.length).toBeGreaterThan(10);
    const missing = repositories.flatMap((file) =>
      methodsMissingScope(source(file), tables).map((m) => `${relative(file)}: ${m}`),
    );
    expect(missing).toEqual([]);
  });

  it('leaves TypeORM to the schema: repositories query through the Database', () => {
    const repositories = files(path.join(ROOT, 'libs'), (f) => f.endsWith('.repository.ts'));
    expect(repositories.filter((f) => imports(source(f)).includes('typeorm')).map(relative)).toEqual([]);
  });

  it('flags a method that drops its scope (the rule itself)', () => {
    const sample = ts.createSourceFile(
      'sample.repository.ts',
      `function touchSends(db: Database, id: string) { return db.updateTable('sends').set({ status: 'sent' }).where('id', '=', id); }
       const mine = (eb: Eb, scope: TenantScope) => partnerOwned(eb, scope, 'l');
       function ignores(eb: Eb, scope: TenantScope) { return eb.lit(true); }
       export class SampleRepository {
         constructor(private readonly db: Database) {}
         find(scope: TenantScope, id: string) { return this.db.selectFrom('launches as l').where('l.id', '=', id).where((eb) => partnerOwned(eb, scope, 'l')); }
         findAny(id: string) { return this.db.selectFrom('launches as l').where('l.id', '=', id); }
         raw(id: string) { return sql\`SELECT 1 FROM enrollments e WHERE e.id = \${id}\`; }
         rawScoped(scope: TenantScope, id: string) { return sql\`SELECT 1 FROM enrollments e WHERE e.id = \${id} AND e.vendor_id = \${scope.vendorId}\`; }
         rawDeaf(scope: TenantScope, id: string) { return sql\`SELECT 1 FROM enrollments e WHERE e.id = \${id}\`; }
         viaHelper(id: string) { return this.load(id); }
         private load(id: string) { return this.db.updateTable('sends').set({ status: 'sent' }).where('id', '=', id); }
         viaFunction(id: string) { return touchSends(this.db, id); }
         findForSystem(id: string) { return this.db.selectFrom('launches').where('id', '=', id); }
         settings() { return this.db.selectFrom('instanceSettings').selectAll(); }
         sessions(userId: string) { return this.db.selectFrom('sessions').where('userId', '=', userId); }
         keptButUnused(scope: TenantScope, id: string) { return this.db.selectFrom('launches as l').where('l.id', '=', id); }
         onlyChecked(scope: TenantScope, id: string) { if (scope.partnerId !== null && scope.partnerId !== id) return null; return this.db.selectFrom('partners').where('id', '=', id); }
         create(scope: TenantScope, name: string) { return this.db.insertInto('campaigns').values({ name, vendorId: scope.vendorId }); }
         viaScopedHelper(scope: TenantScope, id: string) { return this.scoped(scope, id); }
         private scoped(scope: TenantScope, id: string) { return this.db.selectFrom('launches as l').where('l.id', '=', id).where((eb) => partnerOwned(eb, scope, 'l')); }
         viaDeafHelper(scope: TenantScope, id: string) { return this.deaf(scope, id); }
         private deaf(scope: TenantScope, id: string) { return this.db.selectFrom('launches as l').where('l.id', '=', id); }
         viaFileHelper(scope: TenantScope) { return this.db.selectFrom('launches as l').where((eb) => mine(eb, scope)); }
         viaDeafFileHelper(scope: TenantScope) { return this.db.selectFrom('launches as l').where((eb) => ignores(eb, scope)); }
         viaPublic(scope: TenantScope, id: string) { return this.find(scope, id); }
       }`,
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(methodsMissingScope(sample, tables)).toEqual([
      'SampleRepository.findAny (launches)',
      'SampleRepository.raw (enrollments)',
      'SampleRepository.rawDeaf: scope not applied',
      'SampleRepository.viaHelper (sends)',
      'SampleRepository.viaFunction (sends)',
      'SampleRepository.sessions (sessions)',
      'SampleRepository.keptButUnused: scope not applied',
      'SampleRepository.onlyChecked: scope not applied',
      'SampleRepository.viaDeafHelper: scope not applied',
      'SampleRepository.viaDeafFileHelper: scope not applied',
    ]);
  });

  it('leaves TypeORM to the schema: nothing at run time imports it', () => {
    // Entities, migrations and the migration runner (libs/persistence) and the CLI's schema commands only.
    const runtime = ['libs', 'apps'].flatMap((dir) =>
      files(path.join(ROOT, dir), (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')),
    );
    const users = runtime.filter(
      (f) =>
        !f.includes(`${path.sep}libs${path.sep}persistence${path.sep}`) &&
        !/apps\/cli\/src\/commands\/(migrate|migration-generate)\.command\.ts$/.test(f) &&
        imports(source(f)).includes('typeorm'),
    );
    expect(users.map(relative)).toEqual([]);
  });

  // A repository's statements may sit beside it in a `.statements.ts` file (the send ledger's
  // prepared ones): part of the repository, so only repositories may import one.
  const code = ['libs', 'apps'].flatMap((dir) =>
    files(path.join(ROOT, dir), (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')),
  );
  const repositoryCode = (f: string) => f.endsWith('.repository.ts') || f.endsWith('.statements.ts');

  it('keeps queries in repositories: nothing else reaches the Database or Kysely', () => {
    const outside = code.filter(
      (f) => !repositoryCode(f) && !f.includes(`${path.sep}libs${path.sep}persistence${path.sep}`),
    );
    const users = outside.filter((f) => {
      const names = importedNames(source(f));
      return names.has('kysely') || names.has('Database') || names.has('Executor');
    });
    expect(users.map(relative)).toEqual([]);
  });

  it('lets only repositories import a statements file', () => {
    const users = code.filter((f) => !repositoryCode(f) && imports(source(f)).some((m) => m.endsWith('.statements')));
    expect(users.map(relative)).toEqual([]);
  });
});

/** Module specifiers a file imports. */
const imports = (file: ts.SourceFile) =>
  file.statements.filter(ts.isImportDeclaration).map((i) => (i.moduleSpecifier as ts.StringLiteral).text);

/** Names a file imports from @tcma/persistence, plus 'kysely' when it imports that package. */
function importedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const i of file.statements.filter(ts.isImportDeclaration)) {
    const from = (i.moduleSpecifier as ts.StringLiteral).text;
    if (from === 'kysely') names.add('kysely');
    const bindings = i.importClause?.namedBindings;
    if (from === '@tcma/persistence' && bindings && ts.isNamedImports(bindings))
      for (const e of bindings.elements) names.add(e.name.text);
  }
  return names;
}
