export { parseOptions, parseSegments } from './assistant-answers';
export type { AssistantCallListItem } from './assistant-calls.repository';
export { ASSISTANT_PURPOSES } from './assistant-prompt';
export type { AssistantPrompt, AssistantPurpose } from './assistant-prompt';
export { AssistantModule } from './assistant.module';
export { AssistantService } from './assistant.service';
export type { AssistantOptions, AssistantStatus, AssistantText } from './assistant.service';
export { ChatProvider, ChatProviderError } from './chat-provider';
export type { ChatAnswer, ChatMessage, ChatRequest } from './chat-provider';
export { visibleText } from './prompts/prompt-parts';
export type { CampaignBrief } from './prompts/prompt-parts';
export {
  preheadersPrompt,
  rewriteParagraphPrompt,
  socialCopyPrompt,
  subjectLinesPrompt,
} from './prompts/suggestion.prompts';
export type { EmailCopy } from './prompts/suggestion.prompts';
export { textBlockPrompt } from './prompts/text-block.prompt';
export type { TextBlockBrief } from './prompts/text-block.prompt';
export { translationPrompt } from './prompts/translation.prompt';
export type { PromptSegment } from './prompts/translation.prompt';
