import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

/** An OpenID provider in a child process (test/support/oidc-provider.mjs: oidc-provider is ESM only). */
export interface TestOidcProvider {
  issuer: string;
  stop(): Promise<void>;
  /**
   * Signs `login` in at the provider the way its sign-in form does, following the browser's
   * redirects from the authorization URL the engine gave until the provider sends it back to
   * the engine: the callback URL with its code and state.
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
}

export interface OidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export async function startOidcProvider(
  clients: OidcClient[],
  accounts: Record<string, Record<string, unknown>>,
): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_CLIENTS: JSON.stringify(clients), OIDC_ACCOUNTS: JSON.stringify(accounts) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening (\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`OpenID provider exited (${code}): ${output}`)));
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    signIn: (authorizationUrl, login) => browse(issuer, authorizationUrl, login),
  };
}

/** A browser's walk through the provider: redirects followed by hand with its cookies, the sign-in form posted. */
async function browse(issuer: string, start: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin !== issuer) return url;
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action || !page.includes('name="login"'))
      throw new Error(`The provider answered ${res.status} at ${url.pathname}: ${page.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    body = new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString();
  }
  throw new Error('Too many redirects at the provider');
}
