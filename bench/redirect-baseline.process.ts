import { createServer } from 'node:http';

/**
 * The raw limit for `track_redirect`: Node's own HTTP server answering every request with the
 * same 302, in its own process, as the engine's API runs in its own.
 */
const server = createServer((_req, res) => {
  res.writeHead(302, { Location: 'https://acme-backup.example/trial', 'Cache-Control': 'no-store' });
  res.end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
