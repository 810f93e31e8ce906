import { Controller, Get, Headers, HttpStatus, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { RENDER_FORMATS, RenderFormat } from '@tcma/campaign-model';
import { SOCIAL_IMAGE_SIZES } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import { PreviewsService } from '@tcma/rendering';
import type { Actor } from '@tcma/tenancy';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BadRequestError } from '@tcma/errors';
import type { Response } from 'express';
import { emailPageCsp } from '../common/email-page-csp';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseVersionPipe } from '../common/parse-version.pipe';

export class PreviewQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Vendor users: the partner to render for. Partner users: their own (default).',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({
    enum: RENDER_FORMATS,
    description:
      'email: html (default), text, json · pdf: pdf (default), png (one page) · social: png (default), jpeg, json (post copy) · page: html (the landing page with its blank form)',
  })
  @IsOptional()
  @IsIn(RENDER_FORMATS)
  format?: RenderFormat;

  @ApiPropertyOptional({ minimum: 1, description: 'PDF as PNG: the page (default 1).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 36, maximum: 200, description: 'PDF as PNG: resolution (default 100).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(36)
  @Max(200)
  dpi?: number;

  @ApiPropertyOptional({
    enum: Object.keys(SOCIAL_IMAGE_SIZES),
    description: 'Social images: the network size (default linkedin).',
  })
  @IsOptional()
  @IsIn(Object.keys(SOCIAL_IMAGE_SIZES))
  size?: string;

  @ApiPropertyOptional({
    description:
      'Emails and pages: slot values for this preview only, as a JSON object of strings (e.g. the launch wizard\'s editable block, {"intro":"…"}); checked as a launch checks them (422 at slots.<name>).',
    example: '{"intro":"We are **Northwind**."}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  slotValues?: string;

  @ApiPropertyOptional({
    example: 'de-AT',
    description:
      "Whose language to show (BCP 47): the closest of the asset's language variants, else the campaign's own. Without it, a PDF or social post is shown in the partner's language (as the partner hands it out or posts it), an email in the campaign's.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;
}

/** The preview's slotValues parameter: a JSON object of strings, else 400. */
function parseSlotValues(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== 'string')
  )
    throw new BadRequestError('slotValues must be a JSON object of strings', [
      { path: 'slotValues', message: 'must be a JSON object of strings' },
    ]);
  return Object.assign(Object.create(null) as Record<string, string>, parsed);
}

const EXTENSIONS: Record<string, string> = {
  'text/html': 'html',
  'text/plain': 'txt',
  'application/json': 'json',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

@ApiTags('previews')
@ApiBearerAuth()
@Controller('campaigns/:id/versions/:version/assets/:assetId/preview')
export class PreviewsController {
  constructor(
    private readonly previews: PreviewsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'previewAsset', summary: 'Preview an asset co-branded for a partner' })
  @ApiProduces('text/html', 'text/plain', 'application/json', 'application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({
    description: 'The asset co-branded for the partner, with sample prospect data. ETag identifies the render.',
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match matched: the render has not changed.' })
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('version', ParseVersionPipe) version: number,
    @Param('assetId', ParseIdPipe) assetId: string,
    @Query() query: PreviewQuery,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-none-match') ifNoneMatch?: string,
  ): Promise<StreamableFile | undefined> {
    const { slotValues, ...options } = query;
    const result = await this.previews.preview(
      actor,
      id,
      version,
      assetId,
      { ...options, slotValues: parseSlotValues(slotValues) },
      ifNoneMatch,
    );
    res.setHeader('ETag', result.etag);
    // The same URL shows new content once the brand kit changes: revalidate every time.
    res.setHeader('Cache-Control', 'private, no-cache');
    if (result.notModified) {
      res.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    const type = result.contentType.split(';')[0];
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A vendor's HTML is shown, never run: the same policy as the view-in-browser page.
    if (type === 'text/html') res.setHeader('Content-Security-Policy', emailPageCsp(this.config.publicBaseUrl));
    // A PDF under a document policy (the engine's default one forbids objects) may not display in
    // browsers' viewers; images need none.
    else res.removeHeader('Content-Security-Policy');
    return new StreamableFile(result.bytes, {
      type: result.contentType,
      disposition: `inline; filename="preview.${EXTENSIONS[type] ?? 'bin'}"`,
      length: result.bytes.length,
    });
  }
}
