#!/usr/bin/env node
/**
 * Generates the Kysely table types (libs/persistence/src/db/database.types.ts) from the
 * schema the migrations produce: the migrations and what they need are compiled on their own
 * (so the types can be generated before any code uses a new table), a throw-away database is
 * created and migrated, kysely-codegen reads it, and it is dropped. With --check, fails when
 * the committed file differs from what the migrations give.
 *
 * TEST_DATABASE_URL (or DATABASE_URL) chooses the server; only its host and credentials are used.
 * DB_TYPES_DATABASE_URL names a database already migrated instead (CI migrates one for its run).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');

/**
 * The schema's own files (entities, migrations, the migration runner), transpiled one by one
 * to a temporary folder (type-only imports of other libs simply vanish).
 */
function compileSchema() {
  const ts = require('typescript');
  // Inside the project, so the transpiled files resolve its node_modules.
  fs.mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  const out = fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache/tcma-schema-'));
  const src = path.join(ROOT, 'libs/persistence/src');
  const files = [
    'open-data-source.ts',
    'ensure-database.ts',
    'run-migrations.ts',
    'data-source-options.ts',
    'snake-naming.strategy.ts',
  ].concat(
    ...['entities', 'migrations', 'schema'].map((dir) =>
      fs
        .readdirSync(path.join(src, dir))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
        .map((f) => `${dir}/${f}`),
    ),
  );
  for (const file of files) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
      },
    });
    const target = path.join(out, file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  return out;
}

/** kysely-codegen over a migrated database: writes the types, or with --check verifies them. */
function codegen(databaseUrl) {
  const args = [
    '--config-file',
    'libs/persistence/kysely-codegen.json',
    '--url',
    databaseUrl,
    ...(check ? ['--verify'] : []),
  ];
  try {
    execFileSync(process.execPath, [require.resolve('kysely-codegen/dist/cli/bin.js'), ...args], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch {
    console.error(
      check
        ? 'libs/persistence/src/db/database.types.ts is stale: run `npm run db:types` and commit the result.'
        : 'kysely-codegen failed',
    );
    process.exitCode = 1;
  }
}

async function main() {
  // A database the caller already migrated with this checkout's migrations (CI's, for its whole run).
  if (process.env.DB_TYPES_DATABASE_URL) return codegen(process.env.DB_TYPES_DATABASE_URL);
  const schema = compileSchema();
  const { ensureDatabase } = require(path.join(schema, 'ensure-database.js'));
  const { openDataSource } = require(path.join(schema, 'open-data-source.js'));
  const url = new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/tcma_types_${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  try {
    const dataSource = await openDataSource({ databaseUrl, migrate: true });
    await dataSource.destroy();
    codegen(databaseUrl);
  } finally {
    const admin = new URL(databaseUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    fs.rmSync(schema, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
