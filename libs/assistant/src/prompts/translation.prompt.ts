import { AssistantPrompt } from '../assistant-prompt';
import { clip } from './prompt-parts';

/** One translatable segment of a campaign's copy; its placeholders and inline codes as the caller protects them. */
export interface PromptSegment {
  id: string;
  text: string;
}

/**
 * A machine translation of a version's segments (XLIFF's sources): the answer is asked as JSON
 * `{"segments": {"<id>": "<translation>"}}`, read with `parseSegments`; the caller checks each
 * target as an imported file's would be (placeholders kept, nothing added).
 */
export function translationPrompt(input: { from: string; to: string; segments: PromptSegment[] }): AssistantPrompt {
  return AssistantPrompt.make(
    'translation',
    [
      `Translate marketing copy from ${input.from} to ${input.to}.`,
      'Keep every placeholder in double curly braces, such as {{partner.company_name}}, and every inline code in square brackets, such as [1] or [/1], exactly as written and in a sensible place; add none.',
      'Answer with JSON only, no other text: {"segments": {"<id>": "<translation>", …}} with one entry per segment id.',
    ].join('\n'),
    JSON.stringify({ segments: Object.fromEntries(input.segments.map((s) => [s.id, clip(s.text)])) }),
  );
}
