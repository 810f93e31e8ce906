import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { CampaignDraftsService, CampaignPublishingService, CampaignsService, CampaignVersionView, CampaignView, PublishedCampaignView, ValidationReport } from '@tcma/campaigns';
import type { Actor } from '@tcma/tenancy';
import { ApiIfMatch, IfRevision } from '../common/if-revision.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateCampaignDto, ListCampaignsQuery, UpdateCampaignDto } from './dto/campaign-input.dto';
import { CampaignPageDto, CampaignVersionDto, CampaignViewDto, PublishedCampaignDto, ValidationReportDto } from './dto/campaign-output.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiExtraModels(CampaignViewDto, PublishedCampaignDto)
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly drafts: CampaignDraftsService,
    private readonly publishing: CampaignPublishingService,
  ) {}

  @Post()
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiCreatedResponse({ type: CampaignViewDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: CampaignPageDto, description: 'Vendor users: every campaign of the vendor. Partner users: the published campaigns their tier and region may launch.' })
  async list(@CurrentActor() actor: Actor, @Query() query: ListCampaignsQuery): Promise<{ items: Array<CampaignView | PublishedCampaignView>; total: number; limit: number; offset: number }> {
    const page = await this.campaigns.list(actor, query);
    return { ...page, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(CampaignViewDto) }, { $ref: getSchemaPath(PublishedCampaignDto) }] } })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignView | PublishedCampaignView> {
    return this.campaigns.get(actor, id);
  }

  @Patch(':id')
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiIfMatch()
  @ApiOkResponse({ type: CampaignViewDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateCampaignDto, @IfRevision() ifRevision?: number): Promise<CampaignView> {
    return this.drafts.updateMetadata(actor, id, dto, ifRevision);
  }

  @Delete(':id')
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted. A campaign that has been launched can only be archived (409).' })
  delete(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.campaigns.delete(actor, id);
  }

  @Post(':id/validate')
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ValidationReportDto, description: 'Whether the draft could be published, and every problem with its path and line.' })
  validate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ValidationReport> {
    return this.publishing.validate(actor, id);
  }

  @Post(':id/publish')
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiCreatedResponse({ type: CampaignVersionDto, description: 'The new immutable version.' })
  @ApiUnprocessableEntityResponse({ description: 'The draft is invalid; `errors` lists each problem.' })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignVersionView> {
    return this.publishing.publish(actor, id);
  }

  @Post(':id/archive')
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignViewDto })
  archive(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignView> {
    return this.campaigns.archive(actor, id);
  }

  @Post(':id/restore')
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignViewDto })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignView> {
    return this.campaigns.restore(actor, id);
  }

  @Get(':id/versions')
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOkResponse({ type: [CampaignVersionDto] })
  versions(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignVersionView[]> {
    return this.campaigns.versions(actor, id);
  }

  @Get(':id/versions/:version')
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOkResponse({ type: CampaignVersionDto })
  version(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Param('version', ParseIntPipe) version: number): Promise<CampaignVersionView> {
    return this.campaigns.version(actor, id, version);
  }
}
