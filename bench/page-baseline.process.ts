import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The raw limit for `landing_page`: Node's own HTTP server answering every request with the
 * same page bytes and headers the engine sends (read from BENCH_PAGE_FILE), in its own process.
 */
const body = readFileSync(String(process.env.BENCH_PAGE_FILE));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'public, max-age=60', ETag: '"bench"' });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
