import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('what the project ships', () => {
  it('gives docker compose no fixed SIGNING_SECRET: the engine generates one unless the user sets their own', () => {
    const settings = [...read('docker-compose.yml').matchAll(/^\s*SIGNING_SECRET:\s*(.*)$/gm)].map((m) => m[1].trim());
    // Only a substitution of the user's own value (e.g. from .env) may appear, never a literal
    // that every installation would share.
    for (const value of settings) expect(value).toMatch(/^\$\{SIGNING_SECRET(:?-)?\}$/);
  });

  it('carries the licence package.json names: the full, unmodified GNU AGPL v3', () => {
    expect(JSON.parse(read('package.json')).license).toBe('AGPL-3.0-only');
    const licence = read('LICENSE');
    expect(licence).toMatch(/^\s*GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3, 19 November 2007/);
    // The SHA-256 of the FSF's text (gnu.org/licenses/agpl-3.0.txt), byte for byte.
    expect(createHash('sha256').update(licence).digest('hex')).toBe(
      '57c8ff33c9c0cfc3ef00e650a1cc910d7ee479a8bc509f6c9209a7c2a11399d6',
    );
  });
});
