import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { LaunchesService } from '@tcma/nurture';
import type { Actor } from '@tcma/tenancy';
import { IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateLaunchDto, LaunchViewDto, toAudience } from './launch.dto';

class ListLaunchesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
}

@ApiTags('launches')
@ApiBearerAuth()
@Controller('launches')
export class LaunchesController {
  constructor(private readonly launches: LaunchesService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: LaunchViewDto, description: 'At once, whatever the audience size: enrollment runs in the background.' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateLaunchDto, @Res({ passthrough: true }) res: Response): Promise<LaunchViewDto> {
    const launch = await this.launches.create(actor, { ...dto, audience: toAudience(dto.audience) });
    res.setHeader('Location', `/launches/${launch.id}`);
    return LaunchViewDto.from(launch);
  }

  @Get()
  @ApiOkResponse({ type: [LaunchViewDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: ListLaunchesQuery): Promise<LaunchViewDto[]> {
    return (await this.launches.list(actor, query)).map((l) => LaunchViewDto.from(l));
  }

  @Get(':id')
  @ApiOkResponse({ type: LaunchViewDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.get(actor, id));
  }

  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto })
  async pause(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.pause(actor, id));
  }

  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto, description: 'Steps already sent are never sent again.' })
  async resume(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.resume(actor, id));
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto, description: 'Every future step is stopped.' })
  async cancel(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    return LaunchViewDto.from(await this.launches.cancel(actor, id));
  }
}
