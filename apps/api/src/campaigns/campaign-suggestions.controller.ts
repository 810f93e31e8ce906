import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { SOCIAL_NETWORKS, type SocialNetwork } from '@tcma/campaign-model';
import { CampaignSuggestionsService, Suggestions, SUGGESTION_COUNT } from '@tcma/campaigns';
import type { Actor } from '@tcma/tenancy';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { AssistantOptionsDto } from '../assistant/assistant.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

const PURPOSES = ['subject_lines', 'preheaders', 'rewrite_paragraph', 'social_copy'] as const;

class SuggestionRequestDto {
  @ApiProperty({
    enum: PURPOSES,
    description:
      'subject_lines and preheaders for an email; rewrite_paragraph: other wordings of one of its paragraphs; social_copy: post copy for one network of a social asset.',
  })
  @IsIn(PURPOSES)
  purpose!: (typeof PURPOSES)[number];

  @ApiProperty({ format: 'uuid', description: "The draft's email (or, for social_copy, social asset)." })
  @IsUUID()
  assetId!: string;

  @ApiPropertyOptional({
    description: 'rewrite_paragraph only: the paragraph as the template holds it.',
    maxLength: 4000,
  })
  @ValidateIf((o: SuggestionRequestDto) => o.purpose === 'rewrite_paragraph')
  @IsString()
  @Length(1, 4000)
  paragraph?: string;

  @ApiPropertyOptional({
    description: 'rewrite_paragraph only: what the author asks ("shorter", "friendlier").',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  instruction?: string;

  @ApiPropertyOptional({ enum: SOCIAL_NETWORKS, description: 'social_copy only: the network the copy is for.' })
  @ValidateIf((o: SuggestionRequestDto) => o.purpose === 'social_copy')
  @IsIn(SOCIAL_NETWORKS)
  network?: SocialNetwork;
}

/**
 * Suggestions in the email and social editors, from the configured model: options the marketer
 * picks from; the draft changes only when the editor saves the field it was put in.
 */
@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('vendor_admin', 'vendor_marketer')
@Controller('campaigns/:id/draft/suggestions')
export class CampaignSuggestionsController {
  constructor(private readonly suggestions: CampaignSuggestionsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'generateDraftSuggestions',
    summary: "A machine's subject lines, preheaders, paragraph wordings or post copy for the draft",
  })
  @ApiOkResponse({
    type: AssistantOptionsDto,
    description: `${SUGGESTION_COUNT} options asked; those past the field's length or placeholders are left out.`,
  })
  @ApiServiceUnavailableResponse({ description: 'The assistant is off (no model configured), or the model failed.' })
  @ApiTooManyRequestsResponse({ description: "The vendor's monthly token budget or per-minute limit is spent." })
  suggest(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: SuggestionRequestDto,
  ): Promise<Suggestions> {
    if (dto.purpose === 'social_copy')
      return this.suggestions.suggest(actor, id, { purpose: dto.purpose, assetId: dto.assetId, network: dto.network! });
    if (dto.purpose === 'rewrite_paragraph')
      return this.suggestions.suggest(actor, id, {
        purpose: dto.purpose,
        assetId: dto.assetId,
        paragraph: dto.paragraph!,
        instruction: dto.instruction,
      });
    return this.suggestions.suggest(actor, id, { purpose: dto.purpose, assetId: dto.assetId });
  }
}
