import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'node:net';

/**
 * How long a connection closed on an unread body is still read from (what arrives is thrown away)
 * after its answer. Closing a socket that holds unread bytes makes the kernel reset it, and a reset
 * can overtake the answer still in flight: the client would see "connection reset" instead of its
 * 413 (RFC 9112 §9.6; nginx's lingering close). A client that stops sending ends it sooner.
 */
export const LINGER_MS = 2000;

/** Node's own markers on a request: a dumped request's body bytes are dropped by the HTTP parser. */
type NodeRequest = Request & { _dumped?: boolean };

/**
 * First in the API's pipeline. An answer written before its request's body has all arrived (a 401
 * or 403 from a guard on an upload, a 413 past a limit, a 415 on sniffed bytes, any error thrown
 * while the body streams in) says `Connection: close`, and the connection closes after it: the
 * rest of the body is never read. Without this the connection stayed open out of step with the
 * client: a body nobody touched was read to its end whatever its size (Node's default), and one
 * whose reader gave up half-way (a stream torn down by the refusal) was never read at all, so the
 * client's next request on that connection waited behind it until the keep-alive timeout reset it.
 * An answer to a request that arrived whole keeps the connection as before.
 */
export function closeOnUnreadBody(req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    if (hasBody(req) && !req.complete && !res.headersSent) closeAfterAnswer(req as NodeRequest, res);
    return writeHead(...args);
  }) as Response['writeHead'];
  next();
}

/**
 * Whether the request declared a body. Node marks a request complete only after its 'request'
 * event returns, so an answer given inside it (Nest's unknown-route 404, a CORS preflight, the
 * preview pixel) sees `complete === false` even for a GET with nothing to read.
 */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function closeAfterAnswer(req: NodeRequest, res: Response): void {
  res.setHeader('Connection', 'close');
  // A reader that gave up has cut the request from its socket; an answer queued behind another has none yet.
  const socket = res.socket ?? req.socket;
  // Node calls destroySoon() once a `Connection: close` answer is written; it would destroy the socket at once.
  if (socket) socket.destroySoon = () => lingeringClose(req, socket);
}

function lingeringClose(req: NodeRequest, socket: Socket): void {
  socket.end();
  // The HTTP parser drops a dumped request's bytes; a reader that gave up may have paused the socket.
  req._dumped = true;
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('close', () => clearTimeout(timer));
}
