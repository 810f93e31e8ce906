import { Body, Controller, Delete, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Asset } from '@tcma/campaign-model';
import { CurrentActor, Roles } from '@tcma/auth';
import { AddedAsset, CampaignDraftsService, CampaignView } from '@tcma/campaigns';
import type { Actor } from '@tcma/tenancy';
import { ApiIfMatch, IfRevision } from '../common/if-revision.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EmailAssetDto, PageAssetDto, PdfAssetDto, SocialAssetDto } from './dto/asset-input.dto';
import { PutLinksDto, PutSlotsDto } from './dto/campaign-input.dto';
import type { Response } from 'express';
import {
  CampaignViewDto,
  EmailAssetViewDto,
  PageAssetViewDto,
  PdfAssetViewDto,
  SocialAssetViewDto,
} from './dto/campaign-output.dto';
import { SequenceDto, toSequenceInput } from './dto/sequence-input.dto';

/**
 * Edits of a campaign's content. Each answers the campaign with its updated draft (adding an
 * asset answers the new asset, the draft's revision in ETag), or 422 listing every problem
 * (with template lines) and saving nothing.
 */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiIfMatch()
@ApiUnprocessableEntityResponse({ description: 'The change would make the campaign invalid; nothing was saved.' })
@Roles('vendor_admin', 'vendor_marketer')
@Controller('campaigns/:id')
export class CampaignContentController {
  constructor(private readonly drafts: CampaignDraftsService) {}

  @Put('slots')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'replaceCampaignSlots', summary: "Replace the draft's co-brand slots" })
  putSlots(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: PutSlotsDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.putSlots(actor, id, dto.slots, rev);
  }

  @Put('links')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'replaceCampaignLinks', summary: "Replace the draft's named links" })
  putLinks(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: PutLinksDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.putLinks(actor, id, dto.links, rev);
  }

  @Post('assets/email')
  @ApiOperation({ operationId: 'addEmailAsset', summary: 'Add an email to the draft' })
  @ApiCreatedResponse({
    type: EmailAssetViewDto,
    description: 'The new asset; the draft revision it made is the ETag.',
  })
  async addEmail(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: EmailAssetDto,
    @Res({ passthrough: true }) res: Response,
    @IfRevision() rev?: number,
  ): Promise<Asset> {
    return created(res, await this.drafts.addEmailAsset(actor, id, dto, rev));
  }

  @Put('assets/email/:assetId')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'updateEmailAsset', summary: 'Replace an email of the draft' })
  updateEmail(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
    @Body() dto: EmailAssetDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.updateEmailAsset(actor, id, assetId, dto, rev);
  }

  @Post('assets/pdf')
  @ApiOperation({ operationId: 'addPdfAsset', summary: 'Add a PDF to the draft' })
  @ApiCreatedResponse({ type: PdfAssetViewDto, description: 'The new asset; the draft revision it made is the ETag.' })
  async addPdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: PdfAssetDto,
    @Res({ passthrough: true }) res: Response,
    @IfRevision() rev?: number,
  ): Promise<Asset> {
    return created(res, await this.drafts.addPdfAsset(actor, id, dto, rev));
  }

  @Put('assets/pdf/:assetId')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'updatePdfAsset', summary: 'Replace a PDF of the draft' })
  updatePdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
    @Body() dto: PdfAssetDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.updatePdfAsset(actor, id, assetId, dto, rev);
  }

  @Post('assets/social')
  @ApiOperation({ operationId: 'addSocialAsset', summary: 'Add a social post to the draft' })
  @ApiCreatedResponse({
    type: SocialAssetViewDto,
    description: 'The new asset; the draft revision it made is the ETag.',
  })
  async addSocial(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: SocialAssetDto,
    @Res({ passthrough: true }) res: Response,
    @IfRevision() rev?: number,
  ): Promise<Asset> {
    return created(res, await this.drafts.addSocialAsset(actor, id, dto, rev));
  }

  @Put('assets/social/:assetId')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'updateSocialAsset', summary: 'Replace a social post of the draft' })
  updateSocial(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
    @Body() dto: SocialAssetDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.updateSocialAsset(actor, id, assetId, dto, rev);
  }

  @Post('assets/page')
  @ApiOperation({ operationId: 'addPageAsset', summary: 'Add the landing page to the draft' })
  @ApiCreatedResponse({ type: PageAssetViewDto, description: 'The new asset; the draft revision it made is the ETag.' })
  async addPage(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: PageAssetDto,
    @Res({ passthrough: true }) res: Response,
    @IfRevision() rev?: number,
  ): Promise<Asset> {
    return created(res, await this.drafts.addPageAsset(actor, id, dto, rev));
  }

  @Put('assets/page/:assetId')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'updatePageAsset', summary: 'Replace the landing page of the draft' })
  updatePage(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
    @Body() dto: PageAssetDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.updatePageAsset(actor, id, assetId, dto, rev);
  }

  @Delete('assets/:assetId')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'deleteCampaignAsset', summary: 'Remove an asset from the draft' })
  deleteAsset(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('assetId', ParseIdPipe) assetId: string,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.deleteAsset(actor, id, assetId, rev);
  }

  @Put('sequence')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'replaceCampaignSequence', summary: "Set the draft's nurture sequence" })
  putSequence(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: SequenceDto,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.putSequence(actor, id, toSequenceInput(dto), rev);
  }

  @Delete('sequence')
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiOperation({ operationId: 'deleteCampaignSequence', summary: "Remove the draft's nurture sequence" })
  deleteSequence(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.drafts.putSequence(actor, id, null, rev);
  }
}

/** A created asset as the answer: where it lives, and the draft revision to send back in If-Match. */
function created(res: Response, added: AddedAsset): Asset {
  res.setHeader('ETag', `"${added.campaign.revision}"`);
  res.setHeader('Location', `/campaigns/${added.campaign.id}/assets/${added.asset.id}`);
  return added.asset;
}
