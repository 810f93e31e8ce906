import { Body, Controller, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { CampaignDraftsService, CampaignView } from '@tcma/campaigns';
import type { Actor } from '@tcma/tenancy';
import { ApiIfMatch, IfRevision } from '../common/if-revision.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EmailAssetDto, PdfAssetDto, SocialAssetDto } from './dto/asset-input.dto';
import { PutLinksDto, PutSlotsDto } from './dto/campaign-input.dto';
import { CampaignViewDto } from './dto/campaign-output.dto';
import { SequenceDto, toSequenceInput } from './dto/sequence-input.dto';

/**
 * Edits of a campaign's content. Each answers the campaign with its updated draft, or 422
 * listing every problem (with template lines) and saving nothing.
 */
@ApiTags('campaigns')
@ApiBearerAuth()
@ApiIfMatch()
@ApiOkResponse({ type: CampaignViewDto })
@ApiUnprocessableEntityResponse({ description: 'The change would make the campaign invalid; nothing was saved.' })
@Roles('vendor_admin', 'vendor_marketer')
@Controller('campaigns/:id')
export class CampaignContentController {
  constructor(private readonly drafts: CampaignDraftsService) {}

  @Put('slots')
  putSlots(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: PutSlotsDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.putSlots(actor, id, dto.slots, rev);
  }

  @Put('links')
  putLinks(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: PutLinksDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.putLinks(actor, id, dto.links, rev);
  }

  @Post('assets/email')
  @ApiCreatedResponse({ type: CampaignViewDto, description: 'The campaign; the new asset is the last in draft.assets.' })
  addEmail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: EmailAssetDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.addEmailAsset(actor, id, dto, rev);
  }

  @Put('assets/email/:assetId')
  updateEmail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Param('assetId', ParseIdPipe) assetId: string, @Body() dto: EmailAssetDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.updateEmailAsset(actor, id, assetId, dto, rev);
  }

  @Post('assets/pdf')
  @ApiCreatedResponse({ type: CampaignViewDto, description: 'The campaign; the new asset is the last in draft.assets.' })
  addPdf(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: PdfAssetDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.addPdfAsset(actor, id, dto, rev);
  }

  @Put('assets/pdf/:assetId')
  updatePdf(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Param('assetId', ParseIdPipe) assetId: string, @Body() dto: PdfAssetDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.updatePdfAsset(actor, id, assetId, dto, rev);
  }

  @Post('assets/social')
  @ApiCreatedResponse({ type: CampaignViewDto, description: 'The campaign; the new asset is the last in draft.assets.' })
  addSocial(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: SocialAssetDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.addSocialAsset(actor, id, dto, rev);
  }

  @Put('assets/social/:assetId')
  updateSocial(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Param('assetId', ParseIdPipe) assetId: string, @Body() dto: SocialAssetDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.updateSocialAsset(actor, id, assetId, dto, rev);
  }

  @Delete('assets/:assetId')
  deleteAsset(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Param('assetId', ParseIdPipe) assetId: string, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.deleteAsset(actor, id, assetId, rev);
  }

  @Put('sequence')
  putSequence(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: SequenceDto, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.putSequence(actor, id, toSequenceInput(dto), rev);
  }

  @Delete('sequence')
  deleteSequence(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @IfRevision() rev?: number): Promise<CampaignView> {
    return this.drafts.putSequence(actor, id, null, rev);
  }
}
