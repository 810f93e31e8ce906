import { Controller, Get, Headers, HttpStatus, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { CatalogueService } from '@tcma/rendering';
import type { Actor } from '@tcma/tenancy';
import type { Response } from 'express';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CatalogueItemDto, CatalogueQuery, ThumbnailQuery } from './catalogue.dto';

/** A partner's view of the vendor's campaigns: what the portal's catalogue and campaign pages read. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId')
export class PartnerCampaignsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('catalogue')
  @ApiOperation({ operationId: 'listCatalogue', summary: "The partner's catalogue: the campaigns it may use now" })
  @ApiOkResponse({
    type: PageDto(CatalogueItemDto),
    description: 'Eligible by tier and region, inside their catalogue dates; promoted first, then the newest.',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: CatalogueQuery,
  ): Promise<Page<CatalogueItemDto>> {
    return pageOf(await this.catalogue.list(actor, partnerId, query), query, (i) => i);
  }

  @Get('campaigns/:campaignId/thumbnail')
  @ApiOperation({
    operationId: 'getCatalogueThumbnail',
    summary: "A campaign's thumbnail co-branded with the partner's kit",
  })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({
    description:
      "The stored render (made once per version and brand-kit revision). With the catalogue's `v` it may be cached for a year; ETag always.",
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match matched.' })
  async thumbnail(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('campaignId', ParseIdPipe) campaignId: string,
    @Query() query: ThumbnailQuery,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-none-match') ifNoneMatch?: string,
  ): Promise<StreamableFile | undefined> {
    const result = await this.catalogue.thumbnail(actor, partnerId, campaignId, ifNoneMatch);
    res.setHeader('ETag', result.etag);
    // A URL naming the current render never changes content; any other must be revalidated.
    res.setHeader(
      'Cache-Control',
      query.v && `"${query.v}"` === result.etag ? 'private, max-age=31536000, immutable' : 'private, no-cache',
    );
    if (result.notModified) {
      res.status(HttpStatus.NOT_MODIFIED);
      return undefined;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(result.bytes, { type: result.contentType, length: result.bytes.length });
  }
}
