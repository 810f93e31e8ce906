import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { Actor, PartnersService } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreatePartnerDto, ListPartnersQuery, PartnerDto, PartnerPageDto, UpdatePartnerDto } from './dto/partner.dto';

@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @Roles('vendor_admin')
  @ApiCreatedResponse({ type: PartnerDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePartnerDto): Promise<PartnerDto> {
    return PartnerDto.from(await this.partners.create(actor, dto));
  }

  @Get()
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOkResponse({ type: PartnerPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListPartnersQuery): Promise<PartnerPageDto> {
    const page = await this.partners.list(actor, query);
    return { items: page.items.map((p) => PartnerDto.from(p)), total: page.total, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @ApiOkResponse({ type: PartnerDto, description: 'Partner users can read only their own partner.' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PartnerDto> {
    return PartnerDto.from(await this.partners.get(actor, id));
  }

  @Patch(':id')
  @Roles('vendor_admin')
  @ApiOkResponse({ type: PartnerDto })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdatePartnerDto): Promise<PartnerDto> {
    return PartnerDto.from(await this.partners.update(actor, id, dto));
  }
}
