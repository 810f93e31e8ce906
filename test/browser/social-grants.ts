import type { APIRequestContext } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FacebookStub,
  LinkedInStub,
  XStub,
  type SocialStubs,
  type StubAccount,
  type StubCall,
} from '../support/social-stubs';

/**
 * The social networks' stubs of a browser run, with a remote control for its specs. The stubs
 * live in global-setup's process and the specs in workers of their own, so a spec that needs
 * LinkedIn to grant other accounts than its usual member asks over HTTP: the accounts one
 * authorization (named by its state) grants, so no other spec's authorization running at the
 * same time is touched; and it reads back the posts LinkedIn received, to see whom each came from.
 */

/** LinkedIn's stub granting, for an authorization a spec named by its state, the accounts the spec gave. */
class GrantingLinkedInStub extends LinkedInStub {
  readonly grants = new Map<string, StubAccount[]>();

  protected override route(call: Omit<StubCall, 'status'> & { raw: Buffer; url: URL }) {
    const state = call.query.state ?? '';
    const granted = call.path === '/oauth/v2/authorization' ? this.grants.get(state) : undefined;
    if (!granted) return super.route(call);
    this.grants.delete(state);
    // The authorization's code keeps the accounts it grants; route answers it without waiting, so no other call sees them.
    const usual = this.accounts;
    this.accounts = granted;
    try {
      return super.route(call);
    } finally {
      this.accounts = usual;
    }
  }
}

/** The three stubs (as startSocialStubs) and the control specs reach at `controlUrl`. */
export async function startBrowserSocialStubs(): Promise<SocialStubs & { controlUrl: string }> {
  const linkedin = await new GrantingLinkedInStub().start();
  const x = await new XStub().start();
  const facebook = await new FacebookStub().start();
  const control = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const grant = /^\/linkedin\/grants\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'PUT' && grant) {
        linkedin.grants.set(decodeURIComponent(grant[1]), JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(204).end();
      } else if (req.method === 'GET' && req.url === '/linkedin/posts') {
        const posts = linkedin.posts.map((p) => ({ id: p.id, author: p.author }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(posts));
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  return {
    linkedin,
    x,
    facebook,
    controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    env: () => ({ ...linkedin.env(), ...x.env(), ...facebook.env() }),
    stop: async () => {
      control.closeAllConnections();
      await Promise.all([linkedin.stop(), x.stop(), facebook.stop(), new Promise((resolve) => control.close(resolve))]);
    },
  };
}

function controlUrl(): string {
  const url = process.env.TCMA_BROWSER_SOCIAL_CONTROL_URL;
  if (!url)
    throw new Error('TCMA_BROWSER_SOCIAL_CONTROL_URL is unset: run the browser tests with npm run test:browser');
  return url;
}

/**
 * Connects LinkedIn for the partner signed in on `api` as a partner does (the engine's
 * authorization, the network's redirect back to the callback), LinkedIn granting `accounts`:
 * the member first, with the organisations it administers (each one more account).
 */
export async function connectLinkedIn(api: APIRequestContext, csrf: string, accounts: StubAccount[]): Promise<void> {
  const started = await api.post('/social-connections/linkedin/start', { headers: { 'X-CSRF-Token': csrf } });
  if (started.status() !== 200) throw new Error(`start answered ${started.status()}: ${await started.text()}`);
  const { authorizationUrl } = (await started.json()) as { authorizationUrl: string };
  const state = new URL(authorizationUrl).searchParams.get('state') ?? '';
  const granted = await fetch(`${controlUrl()}/linkedin/grants/${encodeURIComponent(state)}`, {
    method: 'PUT',
    body: JSON.stringify(accounts),
  });
  if (granted.status !== 204) throw new Error(`the stub's control answered ${granted.status}`);
  const authorization = await fetch(authorizationUrl, { redirect: 'manual' });
  const back = new URL(authorization.headers.get('location') ?? '');
  const callback = await api.get(`${back.pathname}${back.search}`, { maxRedirects: 0 });
  const landed = new URL(callback.headers()['location'] ?? '', back);
  if (callback.status() !== 302 || landed.searchParams.get('connected') !== 'linkedin')
    throw new Error(`LinkedIn was not connected: ${callback.status()} to ${landed.href}`);
}

/** The author (urn:li:person:… or urn:li:organization:…) of the post LinkedIn received with this id, if any. */
export async function linkedInAuthorOf(postId: string): Promise<string | undefined> {
  const posts = (await (await fetch(`${controlUrl()}/linkedin/posts`)).json()) as Array<{ id: string; author: string }>;
  return posts.find((p) => p.id === postId)?.author;
}
