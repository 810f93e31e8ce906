import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';

export interface PlaceholderOption {
  variable: string;
  detail: string;
}

/** `{{`, `{{#if `, `{{#unless ` or `{{/`, then the part of a variable typed so far. */
const OPENING = /\{\{(?:[#^]\s*(?:if|unless)\s+|\/\s*)?[\w.]*$/;
const PREFIX = /^\{\{(?:[#^]\s*(?:if|unless)\s+|\/\s*)?/;

/**
 * Offers the variables the API says the draft's templates may use once `{{` is typed, and
 * closes the braces unless they already follow.
 */
export function placeholderCompletion(options: () => PlaceholderOption[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const typed = context.matchBefore(OPENING);
    if (!typed) return null;
    const from = typed.from + (PREFIX.exec(typed.text)?.[0].length ?? 2);
    const closed = context.state.sliceDoc(context.pos, context.pos + 2) === '}}';
    const completions: Completion[] = options().map((o) => ({
      label: o.variable,
      detail: o.detail,
      type: 'variable',
      apply: closed ? o.variable : `${o.variable}}}`,
    }));
    return { from, options: completions, validFor: /^[\w.]*$/ };
  };
}
