import type { SocialNetwork } from '@tcma/campaign-model';
import { AssistantPrompt } from '../assistant-prompt';
import { CampaignBrief, campaignLines, clip, optionsFormat, SUGGESTION_RULES, visibleText } from './prompt-parts';

/** An email's copy as its template holds it (placeholders unfilled). */
export interface EmailCopy {
  subject: string;
  preheader: string;
  mjml: string;
}

const emailLines = (email: EmailCopy): string =>
  [
    `Current subject: ${email.subject || '(none)'}`,
    `Current preheader: ${email.preheader || '(none)'}`,
    `Body: ${clip(visibleText(email.mjml))}`,
  ].join('\n');

/** Subject lines for an email, each at most `maxLength` characters. */
export function subjectLinesPrompt(input: {
  campaign: CampaignBrief;
  email: EmailCopy;
  count: number;
  maxLength: number;
}): AssistantPrompt {
  return AssistantPrompt.make(
    'subject_lines',
    `${SUGGESTION_RULES}\nWrite subject lines for the email below, each at most ${Math.min(input.maxLength, 120)} characters, specific to what the email offers.\n${optionsFormat(input.count)}`,
    `${campaignLines(input.campaign)}\n${emailLines(input.email)}`,
  );
}

/** Preheaders (the line an inbox shows after the subject), each at most `maxLength` characters. */
export function preheadersPrompt(input: {
  campaign: CampaignBrief;
  email: EmailCopy;
  count: number;
  maxLength: number;
}): AssistantPrompt {
  return AssistantPrompt.make(
    'preheaders',
    `${SUGGESTION_RULES}\nWrite preheaders for the email below: the line an inbox shows after the subject, completing it rather than repeating it, each at most ${Math.min(input.maxLength, 150)} characters.\n${optionsFormat(input.count)}`,
    `${campaignLines(input.campaign)}\n${emailLines(input.email)}`,
  );
}

/** Post copy for one network, within its limit as that network counts. */
export function socialCopyPrompt(input: {
  campaign: CampaignBrief;
  network: SocialNetwork;
  limit: number;
  copy: string;
  count: number;
}): AssistantPrompt {
  return AssistantPrompt.make(
    'social_copy',
    `${SUGGESTION_RULES}\nWrite post copy for ${input.network}, each option at most ${input.limit} characters as ${input.network} counts them, in the tone that network's readers expect.\n${optionsFormat(input.count)}`,
    `${campaignLines(input.campaign)}\nCurrent copy: ${input.copy ? clip(input.copy) : '(none)'}`,
  );
}

/** Other wordings of one paragraph of an email, as the person asks ("shorter", "friendlier"). */
export function rewriteParagraphPrompt(input: {
  campaign: CampaignBrief;
  paragraph: string;
  instruction: string;
  count: number;
}): AssistantPrompt {
  return AssistantPrompt.make(
    'rewrite_paragraph',
    `${SUGGESTION_RULES}\nRewrite the paragraph below. Keep its meaning, and its placeholders and markup tags exactly as they are (the same {{…}} and <…>, none added or changed).\n${optionsFormat(input.count)}`,
    `${campaignLines(input.campaign)}\n${input.instruction ? `What the author asks: ${clip(input.instruction, 500)}\n` : ''}Paragraph: ${clip(input.paragraph)}`,
  );
}
