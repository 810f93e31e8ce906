import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProspectsService } from '@tcma/audience';
import { CurrentActor } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ProspectDto, ProspectPageQuery, ProspectViewDto, UpdateProspectDto } from './prospect.dto';

@ApiTags('audience')
@ApiBearerAuth()
@Controller('partners/:partnerId/prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

  @Post()
  @ApiCreatedResponse({ type: ProspectViewDto, description: '409 when the partner already has a prospect with this email (any case).' })
  async create(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Body() dto: ProspectDto): Promise<ProspectViewDto> {
    return ProspectViewDto.from(await this.prospects.create(actor, partnerId, dto));
  }

  @Get()
  @ApiOkResponse({ type: [ProspectViewDto], description: 'In id order; pass the last id as `after` for the next page.' })
  async list(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Query() query: ProspectPageQuery): Promise<ProspectViewDto[]> {
    return (await this.prospects.list(actor, partnerId, { afterId: query.after, limit: query.limit, search: query.search, listId: query.listId })).map((p) => ProspectViewDto.from(p));
  }

  @Get(':id')
  @ApiOkResponse({ type: ProspectViewDto })
  async get(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Param('id') id: string): Promise<ProspectViewDto> {
    return ProspectViewDto.from(await this.prospects.get(actor, partnerId, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProspectViewDto })
  async update(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Param('id') id: string, @Body() dto: UpdateProspectDto): Promise<ProspectViewDto> {
    return ProspectViewDto.from(await this.prospects.update(actor, partnerId, id, dto));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Erased, with its enrollments and list memberships.' })
  remove(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Param('id') id: string): Promise<void> {
    return this.prospects.remove(actor, partnerId, id);
  }
}
