import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProspectsService } from '@tcma/audience';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ConsentRecordDto, ProspectDto, ProspectPageQuery, ProspectViewDto, UpdateProspectDto } from './prospect.dto';
import { PageQuery } from '../common/page.query';
import { Page, PageDto, pageOf } from '../common/page.dto';

@ApiTags('audience')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId/prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

  @Post()
  @ApiOperation({ operationId: 'createProspect', summary: 'Add a prospect' })
  @ApiCreatedResponse({
    type: ProspectViewDto,
    description: '409 when the partner already has a prospect with this email (any case).',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Body() dto: ProspectDto,
  ): Promise<ProspectViewDto> {
    return ProspectViewDto.from(await this.prospects.create(actor, partnerId, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listProspects', summary: "List a partner's prospects" })
  @ApiOkResponse({ type: PageDto(ProspectViewDto), description: 'Oldest first (id order).' })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: ProspectPageQuery,
  ): Promise<Page<ProspectViewDto>> {
    return pageOf(await this.prospects.list(actor, partnerId, query), query, (p) => ProspectViewDto.from(p));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getProspect', summary: 'Get a prospect' })
  @ApiOkResponse({ type: ProspectViewDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id') id: string,
  ): Promise<ProspectViewDto> {
    return ProspectViewDto.from(await this.prospects.get(actor, partnerId, id));
  }

  @Get(':id/consent')
  @ApiOperation({ operationId: 'getProspectConsent', summary: "A prospect's consent history" })
  @ApiOkResponse({
    type: PageDto(ConsentRecordDto),
    description:
      'Oldest first: each grant (form, import) and withdrawal (unsubscribe), with the wording, page, address and user agent where recorded.',
  })
  async consent(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page<ConsentRecordDto>> {
    return pageOf(await this.prospects.consentHistory(actor, partnerId, id, query), query, (r) =>
      ConsentRecordDto.from(r),
    );
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateProspect', summary: 'Update a prospect' })
  @ApiOkResponse({ type: ProspectViewDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id') id: string,
    @Body() dto: UpdateProspectDto,
  ): Promise<ProspectViewDto> {
    return ProspectViewDto.from(await this.prospects.update(actor, partnerId, id, dto));
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'deleteProspect', summary: 'Erase a prospect' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Erased, with its enrollments and list memberships.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id') id: string,
  ): Promise<void> {
    return this.prospects.remove(actor, partnerId, id);
  }
}
