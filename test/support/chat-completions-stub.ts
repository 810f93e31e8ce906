import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process stand-in for the OpenAI-compatible Chat Completions API (POST
 * /v1/chat/completions), answering with its documented shape (choices[].message.content, usage).
 * It records every call, answers deterministically (options derived from the request, or what
 * `reply` says), and can be told to answer the next calls with a 429 and a Retry-After, a 500,
 * text that is not JSON, or nothing at all (a timeout).
 */

export type ChatStubFault = 'rate_limited' | 'server_error' | 'hang' | 'garbage';

export interface ChatStubMessage {
  role: string;
  content: string;
}

export interface ChatStubCall {
  headers: http.IncomingHttpHeaders;
  model: string;
  messages: ChatStubMessage[];
  maxTokens: number | undefined;
  temperature: number | undefined;
  /** The status answered; null when the stub did not answer (hang). */
  status: number | null;
}

/** The option count a prompt asks for ("with exactly N options"), 3 when it names none. */
const askedCount = (system: string): number => Number(/with exactly (\d+) options/.exec(system)?.[1] ?? 3);

/**
 * The stub's own answer: for an options prompt, N options naming the purpose's first words and
 * keeping the placeholders of the material (as a model told to keep them would); for a
 * translation, each segment prefixed with the target language in brackets.
 */
export function defaultReply(call: ChatStubCall): string {
  const system = call.messages.find((m) => m.role === 'system')?.content ?? '';
  const user = call.messages.find((m) => m.role === 'user')?.content ?? '';
  if (system.includes('"segments"')) {
    const to = /to ([A-Za-z-]+)\./.exec(system)?.[1] ?? 'xx';
    const { segments } = JSON.parse(user) as { segments: Record<string, string> };
    return JSON.stringify({
      segments: Object.fromEntries(Object.entries(segments).map(([id, text]) => [id, `[${to}] ${text}`])),
    });
  }
  // A variable's placeholder, never a block's opening ({{#if …}}): a model keeps placeholders, it does not open blocks.
  const placeholders = [...new Set(user.match(/\{\{\s*[A-Za-z_][\w.]*\s*\}\}/g) ?? [])].slice(0, 1).join(' ');
  const what = /^Write (.+?)[.:,]/m.exec(system)?.[1] ?? 'text';
  const count = askedCount(system);
  return JSON.stringify({
    options: Array.from(
      { length: count },
      (_, i) => `Suggestion ${i + 1}: ${what}${placeholders ? ` ${placeholders}` : ''}`,
    ),
  });
}

interface PendingFault {
  fault: ChatStubFault;
  remaining: number;
  retryAfterSeconds: number;
}

export class ChatCompletionsStub {
  readonly calls: ChatStubCall[] = [];
  /** What the model says; the default derives options from the request. */
  reply: (call: ChatStubCall) => string = defaultReply;
  /** The model name answers carry (a provider may answer with a dated variant of the one asked). */
  answeredModel: string | null = null;
  private server?: http.Server;
  private readonly faults: PendingFault[] = [];
  private readonly hanging = new Set<http.ServerResponse>();

  /** The API's base, as AI_BASE_URL takes it. */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` calls answer with the fault. */
  failNext(fault: ChatStubFault, times = 1, retryAfterSeconds = 7): void {
    this.faults.push({ fault, remaining: times, retryAfterSeconds });
  }

  /** Every character of every message the stub was sent, one string per call. */
  get sentTexts(): string[] {
    return this.calls.map((c) => c.messages.map((m) => m.content).join('\n'));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      model: string;
      messages: ChatStubMessage[];
      max_tokens?: number;
      temperature?: number;
    };
    const call: ChatStubCall = {
      headers: req.headers,
      model: body.model,
      messages: body.messages,
      maxTokens: body.max_tokens,
      temperature: body.temperature,
      status: null,
    };
    this.calls.push(call);
    const pending = this.faults[0];
    if (pending) {
      if (--pending.remaining <= 0) this.faults.shift();
      switch (pending.fault) {
        case 'hang':
          this.hanging.add(res);
          res.on('close', () => this.hanging.delete(res));
          return;
        case 'rate_limited':
          call.status = 429;
          res
            .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(pending.retryAfterSeconds) })
            .end('{"error":{"message":"Rate limit reached","type":"rate_limit_exceeded"}}');
          return;
        case 'server_error':
          call.status = 500;
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
          return;
        case 'garbage':
          call.status = 200;
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy error</html>');
          return;
      }
    }
    const content = this.reply(call);
    const promptChars = body.messages.reduce((n, m) => n + m.content.length, 0);
    call.status = 200;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${this.calls.length}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: this.answeredModel ?? body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: {
          prompt_tokens: Math.ceil(promptChars / 4),
          completion_tokens: Math.ceil(content.length / 4),
          total_tokens: Math.ceil(promptChars / 4) + Math.ceil(content.length / 4),
        },
      }),
    );
  }
}
