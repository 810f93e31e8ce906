import { int, str, url } from './env-parsers';
import type { EnvReader } from './env-reader';

/** A call to the assistant's model may take this long (AI_TIMEOUT_MS). */
export const DEFAULT_AI_TIMEOUT_MS = 30_000;
/** Tokens each vendor may spend on the assistant in a calendar month (AI_MONTHLY_TOKENS_PER_VENDOR); a vendor admin may set less. */
export const DEFAULT_AI_MONTHLY_TOKENS_PER_VENDOR = 500_000;
/** Calls to the model each vendor may make in a minute, its partners' included (AI_CALLS_PER_MINUTE_PER_VENDOR). */
export const DEFAULT_AI_CALLS_PER_MINUTE_PER_VENDOR = 20;
/** The longest answer asked of the model, in tokens (AI_MAX_ANSWER_TOKENS). */
export const DEFAULT_AI_MAX_ANSWER_TOKENS = 1_000;

/**
 * The assistant's model (an OpenAI-compatible Chat Completions API): off unless AI_BASE_URL and
 * AI_MODEL are both set, and then nothing but what docs/guide/assistant-data.md lists is sent.
 */
export interface AssistantSettings {
  /** Unset: the assistant is off and nothing leaves the installation. */
  baseUrl: string | undefined;
  apiKey: string | undefined;
  model: string | undefined;
  timeoutMs: number;
  monthlyTokensPerVendor: number;
  callsPerMinutePerVendor: number;
  maxAnswerTokens: number;
}

/** AI_*: the base URL and model are set together or not at all. */
export function readAssistant({ read, optional, problems }: EnvReader): AssistantSettings {
  const aiBaseUrl = optional('AI_BASE_URL', url(['http', 'https']))?.replace(/\/+$/, '');
  const aiModel = optional('AI_MODEL', (raw) => {
    if (raw.length > 200 || /[^\x21-\x7e]/.test(raw))
      throw new Error('must be a model name: printable ASCII, no spaces');
    return raw;
  });
  if ((aiBaseUrl === undefined) !== (aiModel === undefined))
    problems.push(
      'AI_BASE_URL and AI_MODEL: set both or neither (neither: the assistant is off and nothing is sent to a model)',
    );
  return {
    baseUrl: aiBaseUrl,
    apiKey: optional('AI_API_KEY', str),
    model: aiModel,
    timeoutMs: read('AI_TIMEOUT_MS', int(100, 600_000), DEFAULT_AI_TIMEOUT_MS),
    monthlyTokensPerVendor: read(
      'AI_MONTHLY_TOKENS_PER_VENDOR',
      int(0, 1_000_000_000),
      DEFAULT_AI_MONTHLY_TOKENS_PER_VENDOR,
    ),
    callsPerMinutePerVendor: read(
      'AI_CALLS_PER_MINUTE_PER_VENDOR',
      int(1, 10_000),
      DEFAULT_AI_CALLS_PER_MINUTE_PER_VENDOR,
    ),
    maxAnswerTokens: read('AI_MAX_ANSWER_TOKENS', int(16, 32_000), DEFAULT_AI_MAX_ANSWER_TOKENS),
  };
}
