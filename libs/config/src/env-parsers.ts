import { isIP } from 'node:net';

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
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
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

/**
 * DNS server addresses as node's Resolver.setServers takes them: `1.1.1.1`, `127.0.0.1:5353`,
 * `2606:4700::1111` or `[::1]:5353`, comma-separated. Addresses only: a resolver needs one
 * to find any name.
 */
export const dnsServers: EnvParser<string[]> = (raw) => {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = (item: string): boolean => {
    const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(item);
    const [host, port] = bracketed
      ? [bracketed[1], bracketed[2]]
      : item.includes('.') && item.split(':').length === 2
        ? item.split(':')
        : [item, undefined];
    return isIP(host) !== 0 && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535));
  };
  if (items.length === 0 || !items.every(valid))
    throw new Error(
      'must be a comma-separated list of IP addresses, each with an optional port (127.0.0.1:5353, [::1]:5353)',
    );
  return items;
};
