// An OpenID provider for the tests (oidc-provider, ESM, so a child process of its own):
// `node oidc-provider.mjs` with OIDC_CLIENTS (JSON: the clients' metadata) and OIDC_ACCOUNTS
// (JSON: login → claims). Its development sign-in form accepts any password for a known login;
// the first-party client's grant is given without a consent page. Prints "listening <port>".
import http from 'node:http';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const customClaims = [...new Set(Object.values(accounts).flatMap((c) => Object.keys(c)))].filter(
  (c) => !['email', 'email_verified', 'name', 'given_name', 'family_name'].includes(c),
);

const server = http.createServer();
server.listen(Number(process.env.OIDC_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', ...customClaims],
    },
    cookies: { keys: ['tcma-test-provider-cookie-key'] },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      if (!accounts[id]) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
    },
    // A first-party client: the user is not asked to consent (the engine asks for nothing more).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  process.stdout.write(`listening ${port}\n`);
});
