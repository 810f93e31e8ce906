import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { PendingLaunchesService } from '@tcma/programmes';
import type { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { toAudience } from '../launches/launch.dto';
import { EditPendingLaunchDto, ListPendingLaunchesQuery, PendingLaunchDto } from './programme.dto';

@ApiTags('programmes')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('pending-launches')
export class PendingLaunchesController {
  constructor(private readonly pending: PendingLaunchesService) {}

  @Get()
  @ApiOperation({ operationId: 'listPendingLaunches', summary: 'List pending launches offered by programmes' })
  @ApiOkResponse({
    type: PageDto(PendingLaunchDto),
    description: 'Open ones first, soonest due first; then the others.',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ListPendingLaunchesQuery): Promise<Page<PendingLaunchDto>> {
    return pageOf(
      await this.pending.list(actor, { ...query, states: query.state ? [query.state] : undefined }),
      query,
      (p) => PendingLaunchDto.from(p),
    );
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getPendingLaunch', summary: 'Get a pending launch with who did what to it' })
  @ApiOkResponse({ type: PendingLaunchDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PendingLaunchDto> {
    return PendingLaunchDto.from(await this.pending.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updatePendingLaunch',
    summary: 'Edit a pending launch before it starts: audience, slot values, start time',
  })
  @ApiOkResponse({
    type: PendingLaunchDto,
    description: '409 once it has started, been skipped or cancelled; field-level 422 for a start in the past.',
  })
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: EditPendingLaunchDto,
  ): Promise<PendingLaunchDto> {
    const { audience, ...rest } = dto;
    return PendingLaunchDto.from(
      await this.pending.edit(actor, id, { ...rest, ...(audience ? { audience: toAudience(audience) } : {}) }),
    );
  }

  @Post(':id/skip')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'skipPendingLaunch', summary: 'Skip a pending launch: it will not start' })
  @ApiOkResponse({ type: PendingLaunchDto, description: '409 once it has started, been skipped or cancelled.' })
  async skip(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PendingLaunchDto> {
    return PendingLaunchDto.from(await this.pending.skip(actor, id));
  }

  @Post(':id/launch')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'startPendingLaunch',
    summary: 'Launch a pending launch now instead of at the end of its review period',
  })
  @ApiOkResponse({
    type: PendingLaunchDto,
    description:
      'Its launchId names the launch. Field-level 422 naming what is missing (it then waits for it); 409 once closed.',
  })
  async launch(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PendingLaunchDto> {
    return PendingLaunchDto.from(await this.pending.launchNow(actor, id));
  }
}
