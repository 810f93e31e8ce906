import * as dgram from 'node:dgram';
import * as fs from 'node:fs';

/** What the server answers for a TXT question: the records (each a value, split into ≤255-byte strings), none, or silence. */
export type TxtAnswer = string[] | 'silent' | undefined;

const TYPE_TXT = 16;
const CLASS_IN = 1;
const RCODE_NXDOMAIN = 3;

/** Reads the question of a DNS query (RFC 1035 §4.1): its id, name and type; the rest is ignored. */
export function decodeQuestion(packet: Buffer): { id: number; name: string; type: number; end: number } {
  const labels: string[] = [];
  let offset = 12;
  for (let length = packet[offset]; length > 0; length = packet[offset]) {
    labels.push(packet.toString('ascii', offset + 1, offset + 1 + length));
    offset += length + 1;
  }
  offset += 1;
  return { id: packet.readUInt16BE(0), name: labels.join('.'), type: packet.readUInt16BE(offset), end: offset + 4 };
}

/** A TXT record's data: its value as character-strings of at most 255 bytes each (RFC 1035 §3.3.14). */
function txtData(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length || parts.length === 0; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}

/** The answer to `query`: its question echoed, then one TXT record per value (NXDOMAIN when `values` is undefined). */
export function encodeTxtResponse(query: Buffer, values: string[] | undefined): Buffer {
  const { end } = decodeQuestion(query);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, the query's opcode and RD, AA, RA; the answer code.
  header.writeUInt16BE(
    0x8000 | (query.readUInt16BE(2) & 0x7900) | 0x0400 | 0x0080 | (values === undefined ? RCODE_NXDOMAIN : 0),
    2,
  );
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(values?.length ?? 0, 6);
  const answers = (values ?? []).map((value) => {
    const data = txtData(value);
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    fixed.writeUInt16BE(TYPE_TXT, 2);
    fixed.writeUInt16BE(CLASS_IN, 4);
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
  });
  return Buffer.concat([header, query.subarray(12, end), ...answers]);
}

/**
 * A DNS server on 127.0.0.1 (UDP) answering TXT questions from `answer`: the records it
 * returns, NXDOMAIN for undefined, nothing at all for 'silent' (a timeout). Other questions
 * get an empty answer. Names are looked up in lower case.
 */
export class TestDnsServer {
  private readonly socket = dgram.createSocket('udp4');
  /** Every name asked, in order (lower case). */
  readonly asked: string[] = [];

  constructor(private readonly answer: (name: string) => TxtAnswer) {}

  async start(port = 0): Promise<this> {
    this.socket.on('message', (query, peer) => {
      let question: ReturnType<typeof decodeQuestion>;
      try {
        question = decodeQuestion(query);
      } catch {
        return;
      }
      const name = question.name.toLowerCase();
      this.asked.push(name);
      const found = question.type === TYPE_TXT ? this.answer(name) : [];
      if (found === 'silent') return;
      this.socket.send(encodeTxtResponse(query, found), peer.port, peer.address);
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  /** For DNS_SERVERS. */
  get address(): string {
    const { address, port } = this.socket.address();
    return `${address}:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/** A server answering from a table that the test changes as it goes: name → TXT values ('silent' to time out). */
export class TxtTable {
  readonly records = new Map<string, string[] | 'silent'>();

  set(name: string, ...values: string[]): void {
    this.records.set(name.toLowerCase(), values);
  }

  silence(name: string): void {
    this.records.set(name.toLowerCase(), 'silent');
  }

  delete(name: string): void {
    this.records.delete(name.toLowerCase());
  }

  readonly answer = (name: string): TxtAnswer => this.records.get(name);
}

/**
 * Answers from a JSON file (name → values, or "silent"), read at every question: a process
 * that did not start the server (a Playwright worker) publishes records by writing the file.
 */
export function fileZone(file: string): (name: string) => TxtAnswer {
  return (name) => {
    let zone: Record<string, string[] | 'silent'>;
    try {
      zone = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[] | 'silent'>;
    } catch {
      return undefined;
    }
    return zone[name];
  };
}

/** Replaces the zone `fileZone` reads (renamed into place, so a question never sees half a file). */
export function writeZone(file: string, zone: Record<string, string[] | 'silent'>): void {
  const lower = Object.fromEntries(Object.entries(zone).map(([name, values]) => [name.toLowerCase(), values]));
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(lower));
  fs.renameSync(`${file}.tmp`, file);
}
