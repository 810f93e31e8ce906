/** What an adapter needs from the installation's settings (AppConfig.social), and the time. */
export interface AdapterSettings {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Where the user is sent to authorize (the network's web host). */
  authUrl: string;
  /** The API host. */
  apiUrl: string;
  /** One call's time limit, in ms. */
  timeoutMs: number;
  now: () => number;
  /** The scopes the authorization asks for, when not the adapter's own default. */
  scopes?: readonly string[];
}

/** The query string of an address, from pairs (values encoded as forms and OAuth expect). */
export function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}
