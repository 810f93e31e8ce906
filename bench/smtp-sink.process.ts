import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server in its own process, for delivery benchmarks: it accepts everything,
 * notes when each message (by its X-TCMA-Send header, or a sequence number) arrived, and
 * reports to its parent on request.
 */
const received: Array<[string, number]> = [];
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /X-TCMA-Send:\s*([\w-]+)/i.exec(head)?.[1] ?? `plain-${count}`;
      count++;
      received.push([id, Date.now()]);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address() as { port: number };
  process.send?.({ type: 'ready', port: address.port });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'report') process.send?.({ type: 'report', received });
  if (message.type === 'reset') {
    received.length = 0;
    count = 0;
    process.send?.({ type: 'reset' });
  }
  if (message.type === 'count') process.send?.({ type: 'count', count: received.length });
});
