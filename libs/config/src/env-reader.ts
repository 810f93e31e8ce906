import type { EnvParser } from './env-parsers';

export type Env = Record<string, string | undefined>;

/**
 * Reads variables for AppConfig: a bad value is noted in `problems` and its fallback used, so
 * start-up stops once, naming every bad variable, not only the first.
 */
export interface EnvReader {
  read: <T>(name: string, parser: EnvParser<T>, fallback: T) => T;
  optional: <T>(name: string, parser: EnvParser<T>) => T | undefined;
  problems: string[];
}

export function envReader(env: Env, problems: string[]): EnvReader {
  const read = <T>(name: string, parser: EnvParser<T>, fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    try {
      return parser(raw);
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message} (got "${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}")`);
      return fallback;
    }
  };
  const optional = <T>(name: string, parser: EnvParser<T>): T | undefined =>
    read<T | undefined>(name, parser, undefined);
  return { read, optional, problems };
}
