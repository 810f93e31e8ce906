import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { DraftAssetsService, DraftSocialCheck } from '@tcma/rendering';
import type { Actor } from '@tcma/tenancy';
import type { Response } from 'express';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { StoredFileDto } from './dto/campaign-output.dto';
import { DraftAssetPreviewQuery, DraftSocialCheckDto, DraftSocialCheckResultDto } from './dto/draft-assets.dto';
import { pngAnswer } from './file-pages.controller';

/** The PDF and social editors' questions about a draft: nothing here is ever saved. */
@ApiTags('campaigns')
@ApiBearerAuth()
// Reads only: approvers read what they review.
@Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
@Controller('campaigns/:id/draft')
export class CampaignDraftAssetsController {
  constructor(private readonly assets: DraftAssetsService) {}

  @Get('assets/:assetId/file')
  @ApiOperation({
    operationId: 'getDraftAssetFile',
    summary: 'The uploaded file a PDF or social asset of the draft shows',
  })
  @ApiOkResponse({
    type: StoredFileDto,
    description: 'Its id draws its pages (GET /files/{id}/pages/{page}) and saves the asset again (fileId).',
  })
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
  ): Promise<StoredFileDto> {
    const f = await this.assets.assetFile(actor, id, assetId);
    return { id: f.id, contentType: f.contentType, size: f.size, metadata: f.metadata, createdAt: f.createdAt };
  }

  @Get('assets/:assetId/preview')
  @ApiOperation({
    operationId: 'previewDraftAsset',
    summary: 'A page of a draft PDF, or a draft social image, co-branded as the sample partner or a chosen one',
  })
  @ApiProduces('image/png')
  @ApiOkResponse({
    description:
      'PNG rendered in the API (nothing stored): the saved draft asset with the partner’s logo and values, or the sample partner’s (no logo: its name in logo rectangles).',
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match matched: nothing the picture depends on changed.' })
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
    @Query() query: DraftAssetPreviewQuery,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-none-match') ifNoneMatch?: string,
  ): Promise<StreamableFile | undefined> {
    const result = await this.assets.preview(actor, id, assetId, query, ifNoneMatch);
    return pngAnswer(res, result, 'private, no-cache', 'preview.png');
  }

  @Post('social-check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'checkDraftSocialCopy',
    summary: "Measure a social post's copy per network against its limit, without saving it",
  })
  @ApiOkResponse({
    type: DraftSocialCheckResultDto,
    description:
      'Per network: the length as the network counts it (X: every link 23), the longest it can get with partner values, and the limit; and the problems saving it would give.',
  })
  socialCheck(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: DraftSocialCheckDto,
  ): Promise<DraftSocialCheck> {
    return this.assets.socialCheck(actor, id, {
      copy: { ...dto.copy },
      ...(dto.assetId ? { assetId: dto.assetId } : {}),
    });
  }
}
