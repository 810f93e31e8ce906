import { ChatProviderError } from './chat-provider';

/** The JSON object in a model's answer, whatever it wrapped it in (a code fence, a sentence before it). */
function jsonIn(text: string): unknown {
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (start < 0 || end < start) throw new ChatProviderError('bad_answer', 'The model did not answer in the form asked');
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new ChatProviderError('bad_answer', 'The model did not answer in the form asked');
  }
}

/** `{"options": [...]}` (or a bare array): the non-empty strings, trimmed, each once. */
export function parseOptions(text: string): string[] {
  const json = jsonIn(text);
  const list: unknown = Array.isArray(json) ? json : (json as { options?: unknown }).options;
  if (!Array.isArray(list)) throw new ChatProviderError('bad_answer', 'The model did not answer in the form asked');
  const options = list.filter((o): o is string => typeof o === 'string').map((o) => o.trim());
  return [...new Set(options.filter(Boolean))];
}

/** `{"segments": {"<id>": "<text>"}}`: each id's string (others dropped). */
export function parseSegments(text: string): Record<string, string> {
  const json = jsonIn(text) as { segments?: unknown };
  const segments = json.segments;
  if (!segments || typeof segments !== 'object' || Array.isArray(segments))
    throw new ChatProviderError('bad_answer', 'The model did not answer in the form asked');
  return Object.fromEntries(
    Object.entries(segments as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
