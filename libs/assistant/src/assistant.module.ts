import { Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { AssistantCallsRepository } from './assistant-calls.repository';
import { AssistantService } from './assistant.service';
import { ChatProvider } from './chat-provider';
import { OpenAiChatProvider } from './openai-chat.provider';

/**
 * The assistant: a model behind the OpenAI-compatible Chat Completions API when AI_BASE_URL and
 * AI_MODEL are set, else none (no ChatProvider: every call is refused and nothing is sent).
 */
@Module({
  providers: [
    AssistantCallsRepository,
    AssistantService,
    {
      provide: ChatProvider,
      inject: [AppConfig],
      useFactory: (config: AppConfig): ChatProvider | undefined => {
        const { baseUrl, model, apiKey, timeoutMs } = config.assistant;
        return baseUrl && model ? new OpenAiChatProvider({ baseUrl, model, apiKey, timeoutMs }) : undefined;
      },
    },
  ],
  exports: [AssistantService],
})
export class AssistantModule {}
