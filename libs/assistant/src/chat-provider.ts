/** One message of a chat: the instructions (system) or what is asked of the model (user). */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** The longest answer asked for, in tokens. */
  maxTokens: number;
  /** 0 for the most likely wording; suggestions ask for a little more variety. */
  temperature: number;
}

export interface ChatAnswer {
  text: string;
  /** The model that answered, as the provider names it. */
  model: string;
  promptTokens: number;
  completionTokens: number;
}

/** Why a model gave no answer; each says what the person asking can do. */
export type ChatFailureKind = 'rate_limited' | 'unavailable' | 'timeout' | 'rejected' | 'bad_answer';

export class ChatProviderError extends Error {
  constructor(
    readonly kind: ChatFailureKind,
    message: string,
    /** A 429's Retry-After, in seconds, when the provider gave one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ChatProviderError';
  }
}

/**
 * A language model behind a chat API. One implementation speaks the OpenAI-compatible Chat
 * Completions API (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio); another could be added
 * beside it without changing the guardrails, which sit in AssistantService, never here.
 */
export abstract class ChatProvider {
  /** The model asked for, as configured (AI_MODEL). */
  abstract readonly model: string;
  /** One completion; throws ChatProviderError. */
  abstract complete(request: ChatRequest): Promise<ChatAnswer>;
}
