import { Controller, Get, Headers, HttpStatus, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { DEFAULT_PAGE_DPI, FilePagesService } from '@tcma/rendering';
import type { Actor } from '@tcma/tenancy';
import type { Response } from 'express';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseVersionPipe } from '../common/parse-version.pipe';
import { FilePageQuery } from './dto/draft-assets.dto';

/** A PNG as the answer, with its identity; an image never runs anything, so no document policy is needed. */
export function pngAnswer(
  res: Response,
  result: { etag: string; notModified: true } | { etag: string; notModified: false; bytes: Buffer },
  cacheControl: string,
  filename: string,
): StreamableFile | undefined {
  res.setHeader('ETag', result.etag);
  res.setHeader('Cache-Control', cacheControl);
  if (result.notModified) {
    res.status(HttpStatus.NOT_MODIFIED);
    return undefined;
  }
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.removeHeader('Content-Security-Policy');
  return new StreamableFile(result.bytes, {
    type: 'image/png',
    disposition: `inline; filename="${filename}"`,
    length: result.bytes.length,
  });
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('vendor_admin', 'vendor_marketer')
@Controller('files')
export class FilePagesController {
  constructor(private readonly pages: FilePagesService) {}

  @Get(':id/pages/:page')
  @ApiOperation({ operationId: 'getFilePage', summary: 'A page of an uploaded PDF, or an uploaded image, as PNG' })
  @ApiProduces('image/png')
  @ApiOkResponse({
    description:
      'The page as uploaded (no co-branding), for drawing slot rectangles on. Rendered once and kept: the same file, page and dpi are always the same picture (ETag).',
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match matched.' })
  async page(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('page', ParseVersionPipe) page: number,
    @Query() query: FilePageQuery,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-none-match') ifNoneMatch?: string,
  ): Promise<StreamableFile | undefined> {
    const result = await this.pages.page(actor, id, page, query.dpi ?? DEFAULT_PAGE_DPI, ifNoneMatch);
    // A stored file's bytes never change: the page's address shows the same picture for ever.
    return pngAnswer(res, result, 'private, max-age=31536000, immutable', `page-${page}.png`);
  }
}
