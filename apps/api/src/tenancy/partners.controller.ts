import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { Actor, PartnersService } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreatePartnerDto, ListPartnersQuery, PartnerDto, UpdatePartnerDto } from './dto/partner.dto';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @ApiOperation({ operationId: 'createPartner', summary: 'Create a partner' })
  @Roles('vendor_admin')
  @ApiCreatedResponse({ type: PartnerDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePartnerDto): Promise<PartnerDto> {
    return PartnerDto.from(await this.partners.create(actor, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listPartners', summary: 'List partners' })
  // Approvers read the network to preview a draft as one of its partners would send it.
  @Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
  @ApiOkResponse({ type: PageDto(PartnerDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: ListPartnersQuery): Promise<Page<PartnerDto>> {
    return pageOf(await this.partners.list(actor, query), query, (p) => PartnerDto.from(p));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPartner', summary: 'Get a partner' })
  @ApiOkResponse({ type: PartnerDto, description: 'Partner users can read only their own partner.' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PartnerDto> {
    return PartnerDto.from(await this.partners.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updatePartner', summary: 'Update a partner' })
  @Roles('vendor_admin')
  @ApiOkResponse({ type: PartnerDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdatePartnerDto,
  ): Promise<PartnerDto> {
    return PartnerDto.from(await this.partners.update(actor, id, dto));
  }
}
