import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '@tcma/config';
import { openDataSource, schemaDrift } from '@tcma/persistence';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../../libs/persistence/src/migrations');

/** Writes a migration holding the SQL that makes the database match the entities. */
export async function migrationGenerate(args: string[]): Promise<void> {
  const name = args[0];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate <PascalCaseName>');
  const config = new AppConfig();
  const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, migrate: true });
  try {
    const drift = await schemaDrift(dataSource);
    if (!drift.up.length) {
      console.log('Entities and migrations agree; nothing to generate.');
      return;
    }
    const stamp = Date.now();
    const quote = (q: string) => `    await queryRunner.query(\`${q.replace(/`/g, '\\`')}\`);`;
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${drift.up.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${[...drift.down].reverse().map(quote).join('\n')}
  }
}
`;
    const file = path.join(MIGRATIONS_DIR, `${stamp}-${name}.ts`);
    fs.writeFileSync(file, body);
    const index = path.join(MIGRATIONS_DIR, 'index.ts');
    const className = `${name}${stamp}`;
    const source = fs
      .readFileSync(index, 'utf8')
      .replace(
        '\nexport const MIGRATIONS',
        `import { ${className} } from './${stamp}-${name}';\n\nexport const MIGRATIONS`,
      )
      .replace(/';\n\nimport \{/, "';\nimport {")
      .replace(/\];\s*$/, `, ${className}];\n`);
    fs.writeFileSync(index, source);
    console.log(`Wrote ${path.relative(process.cwd(), file)} and registered it in migrations/index.ts.`);
  } finally {
    await dataSource.destroy();
  }
}
