import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PRETTIER = require.resolve('prettier/bin/prettier.cjs');

/** `prettier --check <file>`, as `npm run lint` runs it over the whole project: its exit code. */
function check(file: string): number {
  try {
    execFileSync(process.execPath, [PRETTIER, '--check', file], { cwd: ROOT, stdio: 'pipe' });
    return 0;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

describe('one format, enforced (Prettier, in npm run lint)', () => {
  const dir = fs.mkdtempSync(path.join(ROOT, 'libs', '.planted-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails the check on a file laid out by hand, and passes it once formatted', () => {
    const planted = path.join(dir, 'planted.ts');
    fs.writeFileSync(planted, 'export const  planted = { a:1,b : [ \'x\' ,"y"] }\n');
    expect(check(planted)).not.toBe(0);
    execFileSync(process.execPath, [PRETTIER, '--write', planted], { cwd: ROOT, stdio: 'pipe' });
    expect(fs.readFileSync(planted, 'utf8')).toBe("export const planted = { a: 1, b: ['x', 'y'] };\n");
    expect(check(planted)).toBe(0);
  });

  it('leaves generated files and campaign content alone, and formats everything else', () => {
    // Prettier's API is ESM: asked in one process of its own, as the CLI would decide.
    const ignoredOf = (files: string[]) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `import { getFileInfo } from 'prettier';
             const files = ${JSON.stringify(files)};
             const info = await Promise.all(files.map((f) => getFileInfo(f, { ignorePath: '.prettierignore' })));
             console.log(JSON.stringify(info.map((i) => i.ignored)));`,
          ],
          { cwd: ROOT, encoding: 'utf8' },
        ),
      ) as boolean[];
    const generated = [
      'apps/web/src/api/schema.d.ts',
      'apps/web/src/api/openapi.json',
      'libs/persistence/src/db/database.types.ts',
      'libs/persistence/src/migrations/1795334923247-Initial.ts',
      'package-lock.json',
      'templates/acme-cloud-backup/emails/01-welcome.mjml',
    ];
    const sources = ['README.md', 'libs/clock/src/index.ts', 'apps/web/src/app/app.tsx', 'docker-compose.yml'];
    const ignored = ignoredOf([...generated, ...sources]);
    expect(generated.map((file, i) => [file, ignored[i]])).toEqual(generated.map((file) => [file, true]));
    expect(sources.map((file, i) => [file, ignored[generated.length + i]])).toEqual(
      sources.map((file) => [file, false]),
    );
  });
});
