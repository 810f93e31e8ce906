import { once } from 'node:events';
import net from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP/1.1 connection written and read by hand, as a keep-alive client (a browser, a proxy's
 * pool) uses it: what the server answers, in order, and whether it keeps or closes the connection.
 */
export class RawConnection {
  private received = Buffer.alloc(0);
  private wakers: (() => void)[] = [];
  /** The server closed (or reset) the connection. */
  closed = false;
  /** The error the connection ended with, if any ('ECONNRESET': the server reset it). */
  error: string | undefined;
  private stopped = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wakeAll();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wakeAll();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      this.error ??= e.code ?? e.message;
    });
  }

  private wakeAll(): void {
    for (const wake of this.wakers.splice(0)) wake();
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = net.connect({ port, host: '127.0.0.1' });
    await once(socket, 'connect');
    return new RawConnection(socket);
  }

  /** Writes a request's head; its body, if any, follows by `sendBody`. */
  head(method: string, path: string, headers: Record<string, string | number> = {}): void {
    const lines = Object.entries({ Host: 'localhost', ...headers }).map(([name, value]) => `${name}: ${value}`);
    this.socket.write(`${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
  }

  /**
   * Sends `size` bytes of body, `first` and then filler, as fast as the server reads them, until
   * all is sent, the server closes the connection, or `stopSending()`. Resolves with the bytes sent.
   */
  async sendBody(size: number, first: Buffer): Promise<number> {
    let sent = 0;
    const filler = Buffer.alloc(64 * 1024, 0x41);
    while (sent < size && !this.closed && !this.stopped) {
      const piece = sent === 0 ? first : filler;
      const part = piece.subarray(0, Math.min(piece.length, size - sent));
      sent += part.length;
      if (!this.socket.write(part)) await this.drainedOrNews();
    }
    return sent;
  }

  /** What a client does on an answer that closes the connection: it sends no more. */
  stopSending(): void {
    this.stopped = true;
    this.wakeAll();
  }

  /** The next whole response on this connection; fails if none has arrived within `ms`. */
  async response(ms: number): Promise<RawResponse> {
    const deadline = Date.now() + ms;
    for (;;) {
      const parsed = this.parse();
      if (parsed) return parsed;
      if (this.closed) throw new Error(`the connection was closed without an answer (${this.received.length} bytes)`);
      if (Date.now() >= deadline) throw new Error(`no answer within ${ms} ms (the connection is still open)`);
      await this.news(deadline - Date.now());
    }
  }

  /** Resolves once the server has closed the connection; fails if it has not within `ms`. */
  async closedWithin(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() >= deadline) throw new Error(`the server had not closed the connection within ${ms} ms`);
      await this.news(deadline - Date.now());
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Resolves once the socket takes more bytes, or at news from the server, or at `stopSending()`. */
  private async drainedOrNews(): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.wakers.push(done);
    });
  }

  /** Resolves at the next bytes or close from the server, or after `ms`. */
  private async news(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wakers.push(resolve);
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
  }

  private parse(): RawResponse | null {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const [statusLine, ...lines] = this.received.subarray(0, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
      }),
    );
    if (headers['transfer-encoding']) throw new Error('a chunked answer: this client reads Content-Length only');
    const length = Number(headers['content-length'] ?? 0);
    const start = end + 4;
    if (this.received.length < start + length) return null;
    const body = this.received.subarray(start, start + length).toString('utf8');
    this.received = this.received.subarray(start + length);
    return { status: Number(statusLine.split(' ')[1]), headers, body };
  }
}
