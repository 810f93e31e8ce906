import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The raw limit for `landing_page` and `form_submit`: Node's own HTTP server answering every
 * request (a form POST read and parsed first) with the same bytes the engine sends (read from
 * BENCH_PAGE_FILE), in its own process.
 */
const body = readFileSync(String(process.env.BENCH_PAGE_FILE));
const server = createServer((req, res) => {
  // A form POST is read to its end (and parsed) first, as the engine must.
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'POST') new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': req.method === 'POST' ? 'no-store' : 'public, max-age=60',
      ETag: '"bench"',
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
