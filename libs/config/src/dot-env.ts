import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Settings from a `.env` file in the working directory, when there is one, added to `env`
 * for every name `env` does not already have: a real environment variable always wins. The
 * API, the worker and the CLI all call this before reading their settings, so they agree;
 * processes started by `npm start` inherit the result. Returns the names it set.
 */
export function applyDotEnv(env: NodeJS.ProcessEnv = process.env, file = path.resolve('.env')): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const set: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined || value === undefined) continue;
    env[name] = value;
    set.push(name);
  }
  return set;
}
