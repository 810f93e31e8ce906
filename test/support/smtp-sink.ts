import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { SendRefs, Signer } from '@tcma/signing';
import { eventually } from './processes';

export interface SunkMessage {
  from: string;
  to: string[];
  raw: Buffer;
  /** The X-TCMA-Send header: the send's opaque reference, as the recipient sees it. */
  sendRef: string | null;
  /** Which ledger row this message is (the reference revealed with the run's signing secret). */
  sendId: string | null;
  receivedAt: Date;
}

export interface SinkBehaviour {
  /** Refuse a recipient: return an SMTP code and message (e.g. 550 or 451), or nothing to accept. */
  rcpt?: (address: string) => { code: number; message: string } | undefined;
  /** Drop the connection while the message is being transferred. */
  dropDuringData?: (session: SMTPServerSession) => boolean;
  /** Wait this long before accepting each message. */
  delayMs?: number;
}

/** A real SMTP server in the test process, keeping every message it accepts. */
export class SmtpSink {
  readonly messages: SunkMessage[] = [];
  /** Server errors other than clients resetting their connections. */
  readonly errors: Error[] = [];
  private server?: SMTPServer;
  behaviour: SinkBehaviour = {};

  /** Engines of the test run share one signing secret (test/setup/global-setup.ts): the sink reads references with it. */
  private readonly refs = new SendRefs(new Signer(process.env.SIGNING_SECRET ?? ''));

  private sendIdOf(ref: string | null): string | null {
    return ref ? this.refs.idOf(ref) : null;
  }

  get port(): number {
    return (this.server?.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const refusal = this.behaviour.rcpt?.(address.address);
        if (!refusal) return callback();
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        return callback(error);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        if (this.behaviour.dropDuringData?.(session)) {
          // The server's connection object is the one place its socket can be reached.
          const connections = (
            this.server as unknown as { connections: Set<{ session: SMTPServerSession; _socket: { destroy(): void } }> }
          ).connections;
          const connection = [...connections].find((c) => c.session === session);
          if (!connection) throw new Error('dropDuringData: the connection of this session was not found');
          stream.once('data', () => connection._socket.destroy());
        }
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const header = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('utf8');
          const finish = () => {
            this.messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              sendRef: /^X-TCMA-Send:\s*([\w-]+)/im.exec(header)?.[1] ?? null,
              sendId: this.sendIdOf(/^X-TCMA-Send:\s*([\w-]+)/im.exec(header)?.[1] ?? null),
              receivedAt: new Date(),
            });
            callback();
          };
          if (this.behaviour.delayMs) setTimeout(finish, this.behaviour.delayMs);
          else finish();
        });
      },
    });
    // Clients that die mid-session (a SIGKILLed worker, a dropped connection) reset their
    // sockets: that is the scenario under test, not a failure of the sink.
    this.server.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') this.errors.push(e);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /**
   * An outage: every open connection is dropped and new ones are refused for `ms`, then the
   * server listens again on the same port (as a mail server restarting).
   */
  async outage(ms: number): Promise<void> {
    const port = this.port;
    const net = this.server!.server;
    const connections = (this.server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections;
    const closed = new Promise<void>((resolve) => net.close(() => resolve()));
    for (const c of connections) c._socket.destroy();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, ms));
    await new Promise<void>((resolve) => net.listen(port, '127.0.0.1', resolve));
  }

  waitFor(count: number, timeoutMs = 60_000): Promise<SunkMessage[]> {
    return eventually(
      () => Promise.resolve(this.messages.length >= count ? this.messages : undefined),
      `${count} messages at the SMTP sink (have ${this.messages.length})`,
      timeoutMs,
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    if (this.errors.length)
      throw new AggregateError(this.errors, `The SMTP sink failed: ${this.errors.map((e) => e.message).join('; ')}`);
  }
}
