import type { ChatMessage } from './chat-provider';

/** What a call to the model is for: recorded with it, and shown to the vendor's admins. */
export const ASSISTANT_PURPOSES = [
  'subject_lines',
  'preheaders',
  'social_copy',
  'rewrite_paragraph',
  'text_block',
  'translation',
] as const;
export type AssistantPurpose = (typeof ASSISTANT_PURPOSES)[number];

/**
 * Email addresses are never sent to the model, whoever typed them: each is replaced by a
 * placeholder the answer is asked to keep, and put back in the answer. The pattern errs on the
 * side of matching (anything@anything.tld).
 */
const EMAIL_ADDRESS = /[^\s<>()[\]{}"',;:@]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** The placeholder an address is sent as: `{{address_1}}` (a shape templates never use for a field). */
const MASK = /\{\{address_(\d+)\}\}/g;

/**
 * Everything a model is sent for one call, made only by the builders in ./prompts (the class is
 * not exported from the lib's barrel, so no other code can fill one with text of its choice):
 * each builder takes the campaign's template source (its {{…}} placeholders unfilled, never a
 * rendered message), the partner's or vendor's own words and the request of the person asking;
 * nothing else reaches a prompt. Email addresses in any of it are masked.
 */
export class AssistantPrompt {
  private readonly addresses: string[] = [];
  readonly messages: ChatMessage[];

  private constructor(
    readonly purpose: AssistantPurpose,
    system: string,
    user: string,
  ) {
    this.messages = [
      { role: 'system', content: this.mask(system) },
      { role: 'user', content: this.mask(user) },
    ];
  }

  /** The builders' one way in (module-internal: see ./prompts). */
  static make(purpose: AssistantPurpose, system: string, user: string): AssistantPrompt {
    return new AssistantPrompt(purpose, system, user);
  }

  /** Every character sent, for the token estimate. */
  get length(): number {
    return this.messages.reduce((n, m) => n + m.content.length, 0);
  }

  /** An answer's text with the masked addresses put back; a placeholder the prompt never had stays as it is. */
  unmask(text: string): string {
    return text.replace(MASK, (whole, n: string) => this.addresses[Number(n) - 1] ?? whole);
  }

  private mask(text: string): string {
    return text.replace(EMAIL_ADDRESS, (address) => {
      let index = this.addresses.indexOf(address);
      if (index < 0) index = this.addresses.push(address) - 1;
      return `{{address_${index + 1}}}`;
    });
  }
}
