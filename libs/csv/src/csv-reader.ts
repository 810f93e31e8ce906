/** A record of the file, with the line it starts on (1 for the first line of the file). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A record that could not be read; `line` is where it starts. */
export interface CsvUnreadable {
  line: number;
  reason: string;
}

export type CsvItem = ({ kind: 'record' } & CsvRecord) | ({ kind: 'unreadable' } & CsvUnreadable);

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

type Scan = { end: number; breaks: number; cells: string[]; problem: string | null } | 'incomplete' | 'unclosed';

/** The index of the next comma or line break from `from`, or -1. */
function nextDelimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CR || c === LF) return i;
  }
  return -1;
}

/** Line breaks (CRLF, LF or a lone CR, each counted once) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * Reads one record (RFC 4180) starting at `start`. 'incomplete' when the text may go on in
 * the next chunk; 'unclosed' when the file ends inside a quoted field. A quote that is not at
 * the start of a field is an ordinary character (O"Brien); a closing quote followed by
 * anything but a comma or a line break is a problem of the record, which still ends at the
 * line break after it.
 */
function scanRecord(text: string, start: number, final: boolean): Scan {
  const cells: string[] = [];
  let problem: string | null = null;
  let breaks = 0;
  let i = start;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const open = i;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return final ? 'unclosed' : 'incomplete';
        if (q + 1 >= text.length && !final) return 'incomplete';
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      breaks += countBreaks(text, open + 1, i - 1);
      if (i < text.length && ![COMMA, CR, LF].includes(text.charCodeAt(i))) {
        problem ??= `a closing quote is followed by ${JSON.stringify(text[i])} instead of a comma or the end of the line (field ${cells.length + 1})`;
        const end = nextDelimiter(text, i);
        if (end === -1 && !final) return 'incomplete';
        value += text.slice(i, end === -1 ? text.length : end);
        i = end === -1 ? text.length : end;
      }
      cells.push(value);
    } else {
      const end = nextDelimiter(text, i);
      if (end === -1 && !final) return 'incomplete';
      cells.push(text.slice(i, end === -1 ? text.length : end));
      i = end === -1 ? text.length : end;
    }
    if (i >= text.length) return final ? { end: i, breaks, cells, problem } : 'incomplete';
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CR && i + 1 >= text.length && !final) return 'incomplete';
    return { end: i + (c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1), breaks: breaks + 1, cells, problem };
  }
}

/**
 * A streaming CSV reader that knows the line each record starts on and never lets one bad
 * record take others with it: a record it cannot read (a field quoted badly, a quote never
 * closed, a record longer than `maxRecordChars`) is given back as unreadable at its first
 * line, and reading resumes on the line after that one. Empty lines are skipped (and
 * counted). Text is pushed in chunks; at most one record plus one chunk is held.
 */
export class CsvReader {
  private text = '';
  private pos = 0;
  private line = 1;
  /** Inside an overlong line that is being thrown away up to its end. */
  private discarding = false;
  /** A CR ended the previous chunk while resuming: an LF opening the next belongs to it. */
  private pendingCr = false;

  constructor(private readonly maxRecordChars: number) {}

  push(chunk: string): CsvItem[] {
    if (this.line === 1 && !this.text && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    if (this.pendingCr && chunk.charCodeAt(0) === LF) chunk = chunk.slice(1);
    this.pendingCr = false;
    this.text = this.text.slice(this.pos) + chunk;
    this.pos = 0;
    return this.drain(false);
  }

  end(): CsvItem[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvItem[] {
    const items: CsvItem[] = [];
    for (;;) {
      if (this.discarding && !this.skipLine(this.pos, final)) break;
      if (this.pos >= this.text.length) break;
      const start = this.pos;
      const line = this.line;
      const scan = scanRecord(this.text, start, final);
      if (scan === 'incomplete') {
        if (this.text.length - start <= this.maxRecordChars) break;
        items.push({ kind: 'unreadable', line, reason: this.tooLong() });
        this.skipLine(start, final);
        continue;
      }
      if (scan === 'unclosed' || scan.problem || scan.end - start > this.maxRecordChars) {
        const reason = scan === 'unclosed' ? 'a quoted field is never closed' : (scan.problem ?? this.tooLong());
        items.push({ kind: 'unreadable', line, reason });
        this.skipLine(start, final);
        continue;
      }
      this.pos = scan.end;
      this.line += scan.breaks;
      const empty = scan.cells.length === 1 && scan.cells[0] === '' && this.text.charCodeAt(start) !== QUOTE;
      if (!empty) items.push({ kind: 'record', line, cells: scan.cells });
    }
    return items;
  }

  private tooLong(): string {
    return `the record is longer than ${this.maxRecordChars} characters (a quote left open?)`;
  }

  /**
   * Moves past the end of the line `from` is on. False when that end has not arrived yet:
   * what there is is dropped and the rest of the line will be, as it comes.
   */
  private skipLine(from: number, final: boolean): boolean {
    const end = nextLineBreak(this.text, from);
    if (end === -1) {
      this.pos = this.text.length;
      this.discarding = !final;
      return false;
    }
    const crlf = this.text.charCodeAt(end) === CR && this.text.charCodeAt(end + 1) === LF;
    this.pos = end + (crlf ? 2 : 1);
    this.pendingCr = this.text.charCodeAt(end) === CR && end + 1 >= this.text.length && !final;
    this.line++;
    this.discarding = false;
    return true;
  }
}

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) return i;
  }
  return -1;
}

/**
 * The records of a UTF-8 CSV stream (a leading BOM is dropped; bytes that are not UTF-8
 * become U+FFFD), with their line numbers.
 */
export async function* readCsv(
  source: AsyncIterable<Uint8Array | string>,
  options: { maxRecordChars: number },
): AsyncGenerator<CsvItem> {
  const decoder = new TextDecoder('utf-8');
  const reader = new CsvReader(options.maxRecordChars);
  for await (const chunk of source)
    yield* reader.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  const rest = decoder.decode();
  if (rest) yield* reader.push(rest);
  yield* reader.end();
}
