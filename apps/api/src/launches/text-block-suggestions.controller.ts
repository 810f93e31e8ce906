import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AssistantService, textBlockPrompt } from '@tcma/assistant';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { normalizeTextBlock, textBlockMaxLength } from '@tcma/cobrand';
import { LaunchesService } from '@tcma/launches';
import { AssistantOptionsDto } from '../assistant/assistant.dto';
import type { Actor } from '@tcma/tenancy';
import { IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

class TextBlockSuggestionsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() campaignId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Vendor users launching for a partner name it.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({ description: 'Defaults to the latest published version.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
  @ApiProperty({ description: 'The editable block (a text_block slot of the campaign).' })
  @IsString()
  @Length(1, 40)
  slot!: string;
  @ApiPropertyOptional({ description: 'What the partner wants to say, in its own words.', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
  @ApiPropertyOptional({ description: "The partner's draft so far.", maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  current?: string;
}

/**
 * "Help me write" for a partner's editable block: wordings from the configured model (off unless
 * AI_BASE_URL and AI_MODEL are set: 503), within the block's length and link rule; the prompt
 * carries the campaign, the block and the partner's name and notes, never a prospect's data. A
 * chosen text is still checked, and approved, as any other.
 */
@ApiTags('launches')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('launches/text-block-suggestions')
export class TextBlockSuggestionsController {
  constructor(
    private readonly launches: LaunchesService,
    private readonly assistant: AssistantService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'generateTextBlockSuggestions',
    summary: "Help me write: a machine's wordings of an editable block",
  })
  @ApiOkResponse({ type: AssistantOptionsDto })
  @ApiServiceUnavailableResponse({ description: 'The assistant is off (no model configured).' })
  async suggest(@CurrentActor() actor: Actor, @Body() dto: TextBlockSuggestionsDto): Promise<AssistantOptionsDto> {
    const brief = await this.launches.textBlockBrief(actor, dto);
    const maxLength = textBlockMaxLength(brief.slot);
    const answer = await this.assistant.options(
      actor,
      textBlockPrompt({
        campaign: brief.campaign,
        block: {
          label: brief.slot.label ?? brief.slot.name,
          maxLength,
          linksTo: brief.slot.allowLinks ? brief.partnerHost : null,
          defaultText: brief.slot.fallback ?? '',
        },
        partnerName: brief.partnerName,
        notes: dto.notes ?? '',
        current: dto.current ?? '',
        count: 3,
      }),
    );
    const options = answer.options
      .map((o) => normalizeTextBlock(brief.slot, o, { partnerHost: brief.partnerHost }))
      .flatMap((r) => (r.ok ? [r.value] : []));
    return { callId: answer.callId, model: answer.model, options };
  }
}
