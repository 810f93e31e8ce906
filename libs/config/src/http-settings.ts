import type { EnvParser } from './env-parsers';

/** TRUST_PROXY: true/false, a number of proxy hops, or Express's names and addresses ("loopback", "10.0.0.0/8"). */
export const trustProxy: EnvParser<boolean | number | string> = (raw) => {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[\w.:/, -]+$/.test(raw)) throw new Error('must be true, false, a hop count, or proxy addresses/names');
  return raw;
};

/** CORS_ORIGINS: browser origins (scheme://host[:port]) allowed to call the API from other sites. */
export const origins: EnvParser<string[]> = (raw) => {
  const items = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const bad = items.filter((o) => {
    try {
      const u = new URL(o);
      return !['http:', 'https:'].includes(u.protocol) || u.origin !== o.replace(/\/+$/, '');
    } catch {
      return true;
    }
  });
  if (bad.length)
    throw new Error(`must be comma-separated origins like https://app.example.com (not ${bad.join(', ')})`);
  return items.map((o) => new URL(o).origin);
};

/** Requests per minute through the HTTP rate limits (README "Operations"). */
export const DEFAULT_RATE_LIMITS = {
  /** Per API token or session (per address for anonymous requests). */
  perClient: 6000,
  /** Per client address, whatever the credential: many users may share one behind a NAT. */
  perAddress: 30_000,
  /** Sign-in, password-reset and invitation requests per address. */
  signIn: 100,
  /** Token creation and uploads (files, logos, prospect imports) per token or session. */
  sensitive: 300,
  /**
   * Social short links (/s/<code>) with a code no live post has, per address: a person follows
   * links that exist, so only guessing reaches it; real links are never counted nor refused.
   */
  unknownSocialLinks: 30,
} as const;
