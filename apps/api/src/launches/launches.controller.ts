import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { LaunchesService } from '@tcma/launches';
import type { Actor } from '@tcma/tenancy';
import { IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  CreateLaunchDto,
  LaunchDailyDto,
  LaunchPreviewDto,
  LaunchProgressDto,
  LaunchSummaryDto,
  LaunchViewDto,
  toAudience,
} from './launch.dto';
import { Page, PageDto, pageOf } from '../common/page.dto';

class ListLaunchesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
}

@ApiTags('launches')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('launches')
export class LaunchesController {
  constructor(private readonly launches: LaunchesService) {}

  @Post()
  @ApiOperation({ operationId: 'createLaunch', summary: 'Launch a campaign for an audience' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: LaunchViewDto,
    description: 'At once, whatever the audience size: enrollment runs in the background.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateLaunchDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LaunchViewDto> {
    const launch = await this.launches.create(actor, { ...dto, audience: toAudience(dto.audience) });
    res.setHeader('Location', `/launches/${launch.id}`);
    return LaunchViewDto.from(launch);
  }

  @Post('preview')
  @ApiOperation({
    operationId: 'previewLaunch',
    summary: 'Dry-run a launch: send times per step by time zone, and exclusions by reason',
  })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: LaunchPreviewDto,
    description:
      'The same body as a launch; nothing is written. Field-level 422 for a start in the past, 404 for a campaign or list the partner may not use.',
  })
  preview(@CurrentActor() actor: Actor, @Body() dto: CreateLaunchDto): Promise<LaunchPreviewDto> {
    return this.launches.preview(actor, { ...dto, audience: toAudience(dto.audience) });
  }

  @Get()
  @ApiOperation({ operationId: 'listLaunches', summary: 'List launches' })
  @ApiOkResponse({
    type: PageDto(LaunchSummaryDto),
    description: 'Newest first, each with its campaign name and totals so far.',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ListLaunchesQuery): Promise<Page<LaunchSummaryDto>> {
    return pageOf(await this.launches.list(actor, query), query, (l) => LaunchSummaryDto.fromSummary(l));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getLaunch', summary: 'Get a launch' })
  @ApiOkResponse({ type: LaunchViewDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.get(actor, id));
  }

  @Get(':id/progress')
  @ApiOperation({ operationId: 'getLaunchProgress', summary: 'Progress of a launch, in all and per step' })
  @ApiOkResponse({
    type: LaunchProgressDto,
    description:
      'Enrolled, and per step waiting, sent, accepted, bounced, opened, clicked and unsubscribed, from the analytics rollups.',
  })
  progress(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchProgressDto> {
    return this.launches.progress(actor, id);
  }

  @Get(':id/daily')
  @ApiOperation({ operationId: 'getLaunchDaily', summary: 'Daily trend of a launch: sent, opened and clicked per day' })
  @ApiOkResponse({
    type: LaunchDailyDto,
    description: 'Per UTC day, from the analytics rollups; days without events at zero.',
  })
  daily(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchDailyDto> {
    return this.launches.daily(actor, id);
  }

  @Post(':id/pause')
  @ApiOperation({ operationId: 'pauseLaunch', summary: 'Pause a launch' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto })
  async pause(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.pause(actor, id));
  }

  @Post(':id/resume')
  @ApiOperation({ operationId: 'resumeLaunch', summary: 'Resume a paused launch' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto, description: 'Steps already sent are never sent again.' })
  async resume(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.resume(actor, id));
  }

  @Post(':id/cancel')
  @ApiOperation({ operationId: 'cancelLaunch', summary: 'Cancel a launch' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto, description: 'Every future step is stopped.' })
  async cancel(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.cancel(actor, id));
  }
}
