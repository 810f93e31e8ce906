import { ChatAnswer, ChatProvider, ChatProviderError, ChatRequest } from './chat-provider';

export interface OpenAiChatSettings {
  /** The API's base, ending before /chat/completions: https://api.openai.com/v1, http://127.0.0.1:11434/v1. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
}

/** What a Chat Completions answer carries that the engine reads. */
interface CompletionBody {
  model?: unknown;
  choices?: Array<{ message?: { content?: unknown } }>;
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
}

/** Some local servers report no usage: a token is about four characters of English. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

const count = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;

function retryAfterSeconds(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * The OpenAI-compatible Chat Completions API: POST {baseUrl}/chat/completions with the model,
 * the messages, max_tokens and temperature, a bearer key when one is configured (local servers
 * need none). No answer within the timeout, a 5xx or a refused connection is `unavailable` or
 * `timeout`; a 429 is `rate_limited` with its Retry-After; another 4xx is `rejected` (a wrong key
 * or model: the operator's to fix); an answer without text is `bad_answer`.
 */
export class OpenAiChatProvider extends ChatProvider {
  readonly model: string;

  constructor(private readonly settings: OpenAiChatSettings) {
    super();
    this.model = settings.model;
  }

  async complete(request: ChatRequest): Promise<ChatAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.settings.model,
          messages: request.messages,
          max_tokens: request.maxTokens,
          temperature: request.temperature,
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        redirect: 'error',
      });
    } catch (e) {
      if ((e as Error).name === 'TimeoutError')
        throw new ChatProviderError('timeout', `The model gave no answer within ${this.settings.timeoutMs / 1000} s`);
      const cause = (e as { cause?: { code?: string } }).cause;
      throw new ChatProviderError('unavailable', `The model could not be reached (${cause?.code ?? 'no connection'})`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      if ((e as Error).name === 'TimeoutError')
        throw new ChatProviderError('timeout', `The model gave no answer within ${this.settings.timeoutMs / 1000} s`);
      throw new ChatProviderError('unavailable', 'The answer of the model was cut off');
    }
    if (response.status === 429)
      throw new ChatProviderError('rate_limited', 'The model is busy (429)', retryAfterSeconds(response.headers));
    if (response.status >= 500)
      throw new ChatProviderError('unavailable', `The model's service failed (${response.status})`);
    if (response.status < 200 || response.status >= 300)
      throw new ChatProviderError(
        'rejected',
        `The model's service refused the request (${response.status}): check AI_BASE_URL, AI_API_KEY and AI_MODEL`,
      );
    let body: CompletionBody;
    try {
      body = JSON.parse(text) as CompletionBody;
    } catch {
      throw new ChatProviderError('bad_answer', 'The model answered something other than JSON');
    }
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || !content.trim())
      throw new ChatProviderError('bad_answer', 'The model answered without any text');
    const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
    return {
      text: content,
      model: typeof body.model === 'string' && body.model ? body.model : this.settings.model,
      promptTokens: count(body.usage?.prompt_tokens, Math.ceil(promptChars / 4)),
      completionTokens: count(body.usage?.completion_tokens, estimateTokens(content)),
    };
  }
}
