import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { LaunchActivityService } from '@tcma/launches';
import type { Actor } from '@tcma/tenancy';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  DueDaysDto,
  DueDaysQuery,
  EnrollmentNextStepDto,
  LaunchEnrollmentsQuery,
  LaunchProspectDto,
  LaunchProspectsFilter,
  LaunchProspectsQuery,
} from './launch-activity.dto';

/** What a running launch is doing: each next step and why it waits, due days, who did what. */
@ApiTags('launches')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('launches/:id')
export class LaunchActivityController {
  constructor(private readonly activity: LaunchActivityService) {}

  @Get('enrollments')
  @ApiOperation({
    operationId: 'listLaunchEnrollments',
    summary: "Each enrollment's next step, when it is due and why it has not gone yet",
  })
  @ApiOkResponse({
    type: PageDto(EnrollmentNextStepDto),
    description: "Soonest due first. The partner's contacts: 404 for vendor users when the partner keeps them private.",
  })
  async enrollments(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() q: LaunchEnrollmentsQuery,
  ): Promise<Page<EnrollmentNextStepDto>> {
    return pageOf(await this.activity.nextSteps(actor, id, q), q, (e) => EnrollmentNextStepDto.from(e));
  }

  @Get('due-days')
  @ApiOperation({ operationId: 'getLaunchDueDays', summary: 'Active enrollments by the day their next step is due' })
  @ApiOkResponse({ type: DueDaysDto })
  async dueDays(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() q: DueDaysQuery,
  ): Promise<DueDaysDto> {
    return DueDaysDto.from(await this.activity.dueDays(actor, id, q.zone));
  }

  @Get('prospects')
  @ApiOperation({
    operationId: 'listLaunchProspects',
    summary: 'The prospects of a launch and what each did: step, first open, links clicked, exit',
  })
  @ApiOkResponse({
    type: PageDto(LaunchProspectDto),
    description:
      "In enrollment order. The partner's contacts: 404 for vendor users when the partner keeps them private.",
  })
  async prospects(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() q: LaunchProspectsQuery,
  ): Promise<Page<LaunchProspectDto>> {
    return pageOf(await this.activity.prospects(actor, id, q), q, (p) => LaunchProspectDto.from(p));
  }

  @Get('prospects/export')
  @ApiOperation({ operationId: 'exportLaunchProspects', summary: 'The same list, every page, as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV (formula injection neutralised), one row per prospect; the filters of the list apply.',
  })
  async exportProspects(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() q: LaunchProspectsFilter,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const lines = await this.activity.prospectsCsv(actor, id, q);
    res.setHeader('Content-Disposition', `attachment; filename="launch-${id}-prospects.csv"`);
    return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8' });
  }
}
