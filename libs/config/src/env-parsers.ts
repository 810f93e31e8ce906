/**
 * Small, dependency-free parsers for environment variables. Each returns the parsed
 * value or throws an Error whose message says what was expected; the loader adds the
 * variable's name so a bad value stops start-up with a message naming it.
 */
export type EnvParser<T> = (raw: string) => T;

export const str: EnvParser<string> = (raw) => raw;

export function int(min: number, max: number): EnvParser<number> {
  return (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`must be an integer between ${min} and ${max}`);
    const value = Number(raw);
    if (value < min || value > max) throw new Error(`must be an integer between ${min} and ${max}`);
    return value;
  };
}

export const bool: EnvParser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error('must be true or false');
};

export function url(protocols: string[]): EnvParser<string> {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`must be a URL (${protocols.join(', ')})`);
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      throw new Error(`must use one of the protocols ${protocols.join(', ')}`);
    }
    return raw;
  };
}

export function oneOf<T extends string>(values: readonly T[]): EnvParser<T> {
  return (raw) => {
    if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
}

export function listOf<T extends string>(values: readonly T[]): EnvParser<T[]> {
  return (raw) => {
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((i) => !(values as readonly string[]).includes(i));
    if (bad.length || items.length === 0) {
      throw new Error(`must be a comma-separated list of ${values.join(', ')}`);
    }
    return [...new Set(items)] as T[];
  };
}

export const secret: EnvParser<string> = (raw) => {
  if (raw.length < 32) throw new Error('must be at least 32 characters long');
  return raw;
};
