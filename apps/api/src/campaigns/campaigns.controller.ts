import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import {
  CampaignDraftsService,
  CampaignLibraryItem,
  CampaignPublishingService,
  CampaignsService,
  CampaignTranslationsService,
  CampaignVersionListItem,
  CampaignVersionView,
  CampaignView,
  PublishedCampaignView,
  ValidationReport,
} from '@tcma/campaigns';
import type { Actor } from '@tcma/tenancy';
import { ApiIfMatch, IfRevision } from '../common/if-revision.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseVersionPipe } from '../common/parse-version.pipe';
import {
  CatalogueSettingsDto,
  CreateCampaignDto,
  ListCampaignsQuery,
  UpdateCampaignDto,
  XliffExportQuery,
  PublishCampaignDto,
} from './dto/campaign-input.dto';
import {
  CampaignPageDto,
  CampaignVersionDto,
  CampaignVersionListItemDto,
  CampaignViewDto,
  PublishedCampaignDto,
  ValidationReportDto,
} from './dto/campaign-output.dto';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiExtraModels(CampaignViewDto, PublishedCampaignDto)
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly drafts: CampaignDraftsService,
    private readonly publishing: CampaignPublishingService,
    private readonly translations: CampaignTranslationsService,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createCampaign', summary: 'Create a campaign' })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiCreatedResponse({ type: CampaignViewDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(actor, dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listCampaigns', summary: 'List campaigns' })
  @ApiOkResponse({
    type: CampaignPageDto,
    description:
      'Vendor users: every campaign of the vendor, with its launches, partners using it and headline results. Partner users: the published campaigns their tier and region may launch.',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListCampaignsQuery,
  ): Promise<Page<CampaignLibraryItem | PublishedCampaignView>> {
    return pageOf(await this.campaigns.list(actor, query), query, (c) => c);
  }

  @Post(':id/duplicate')
  @ApiOperation({ operationId: 'duplicateCampaign', summary: 'Copy a campaign into a new draft' })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiCreatedResponse({
    type: CampaignViewDto,
    description:
      'A new, never published campaign with the source\'s draft (or latest version) as its draft, named "<name> (copy)", with its own slug. Catalogue settings are not copied.',
  })
  duplicate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignView> {
    return this.drafts.duplicate(actor, id);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getCampaign', summary: 'Get a campaign' })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(CampaignViewDto) }, { $ref: getSchemaPath(PublishedCampaignDto) }] },
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<CampaignView | PublishedCampaignView> {
    return this.campaigns.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateCampaign',
    summary: "Update the draft's name, description, tags, language and eligibility",
  })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiIfMatch()
  @ApiOkResponse({ type: CampaignViewDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateCampaignDto,
    @IfRevision() ifRevision?: number,
  ): Promise<CampaignView> {
    return this.drafts.updateMetadata(actor, id, dto, ifRevision);
  }

  @Patch(':id/catalogue')
  @ApiOperation({
    operationId: 'updateCampaignCatalogue',
    summary: "Set how a campaign shows in partners' catalogues: promoted, available from / until",
  })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOkResponse({
    type: CampaignViewDto,
    description:
      'Takes effect at once, without publishing. Outside its dates a campaign is hidden from partners and a launch of it answers 422.',
  })
  @ApiUnprocessableEntityResponse({
    description: 'availableUntil is not after availableFrom (as merged with the stored values).',
  })
  updateCatalogue(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CatalogueSettingsDto,
  ): Promise<CampaignView> {
    return this.campaigns.setCatalogue(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'deleteCampaign', summary: 'Delete a campaign that was never launched' })
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted. A campaign that has been launched can only be archived (409).' })
  delete(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.campaigns.delete(actor, id);
  }

  @Post(':id/validate')
  @ApiOperation({ operationId: 'validateCampaign', summary: 'Check whether the draft could be published' })
  @Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: ValidationReportDto,
    description: 'Whether the draft could be published, and every problem with its path and line.',
  })
  validate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ValidationReport> {
    return this.publishing.validate(actor, id);
  }

  @Post(':id/publish')
  @ApiOperation({ operationId: 'publishCampaign', summary: 'Publish the draft as a new version' })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiBody({ type: PublishCampaignDto, required: false })
  @ApiCreatedResponse({ type: CampaignVersionDto, description: 'The new immutable version.' })
  @ApiUnprocessableEntityResponse({
    description:
      'The draft is invalid, or a language is incomplete and has no choice (`languages.<tag>`); `errors` lists each problem.',
  })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: PublishCampaignDto,
  ): Promise<CampaignVersionView> {
    return this.publishing.publish(actor, id, dto?.languages ?? {});
  }

  @Post(':id/archive')
  @ApiOperation({ operationId: 'archiveCampaign', summary: 'Archive a campaign' })
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignViewDto })
  archive(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignView> {
    return this.campaigns.archive(actor, id);
  }

  @Post(':id/restore')
  @ApiOperation({ operationId: 'restoreCampaign', summary: 'Restore an archived campaign' })
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CampaignViewDto })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CampaignView> {
    return this.campaigns.restore(actor, id);
  }

  @Get(':id/versions')
  @ApiOperation({ operationId: 'listCampaignVersions', summary: "List a campaign's published versions" })
  @Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
  @ApiOkResponse({
    type: PageDto(CampaignVersionListItemDto),
    description: 'Newest first, each with who published it and how many launches pin it.',
  })
  async versions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<CampaignVersionListItem>> {
    return pageOf(await this.campaigns.versions(actor, id, query), query, (v) => v);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ operationId: 'getCampaignVersion', summary: 'Get a published version' })
  @Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
  @ApiOkResponse({ type: CampaignVersionDto })
  version(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('version', ParseVersionPipe) version: number,
  ): Promise<CampaignVersionView> {
    return this.campaigns.version(actor, id, version);
  }

  @Get(':id/versions/:version/xliff')
  @ApiOperation({
    operationId: 'exportCampaignVersionXliff',
    summary: "Download a published version's email copy as XLIFF 2.0 for translators",
  })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiProduces('application/xliff+xml')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'One <file> per email (its asset id), one <unit> per subject, preheader and piece of copy in its MJML; tags and {{placeholders}} as inline codes a translation tool protects.',
  })
  async xliff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('version', ParseVersionPipe) version: number,
    @Query() query: XliffExportQuery,
  ): Promise<StreamableFile> {
    const { filename, xml } = await this.translations.versionXliff(actor, id, version, query.trgLang);
    return new StreamableFile(Buffer.from(xml, 'utf8'), {
      type: 'application/xliff+xml; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
