import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AnalyticsService, AnalyticsTable, GROUPINGS, Grouping } from '@tcma/analytics';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsUtcDay } from '../common/validators/is-utc-day.validator';
import type { Response } from 'express';
import { AnalyticsTableDto } from './analytics-table.dto';
import { DATE_RANGE_NOTE, IsInDateRange } from '../common/validators/is-in-date-range.validator';

class TableQuery {
  @ApiPropertyOptional({ description: 'A column to sort by.' }) @IsOptional() @IsString() @MaxLength(40) sort?: string;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: a download, formula injection neutralised.' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

class FunnelQueryDto extends TableQuery {
  @ApiPropertyOptional({
    enum: GROUPINGS,
    description:
      'One row per …; vendor by default (one row). By step: 1 for the first email of the sequence; conversions under an empty step.',
  })
  @IsOptional()
  @IsIn(GROUPINGS)
  groupBy?: Grouping;
  @ApiPropertyOptional({ format: 'uuid', description: 'Vendor users: one partner only.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() launchId?: string;
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-01',
    description: `First UTC day of events counted. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @IsUtcDay()
  @IsInDateRange()
  from?: string;
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-30',
    description: `Last UTC day of events counted. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @IsUtcDay()
  @IsInDateRange()
  to?: string;
}

class PartnerActivityQueryDto extends TableQuery {
  @ApiPropertyOptional({ description: 'Only partners who have not launched a campaign in this many days (or never).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  inactiveDays?: number;
}

/**
 * The funnel (enrolled, sent, accepted, bounced, unique human opens and clicks, unsubscribed,
 * converted, with rates) grouped as asked; partners see only their own.
 */
@ApiTags('analytics')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('funnel')
  @ApiOperation({
    operationId: 'getFunnel',
    summary: 'Funnel results, grouped by vendor, partner, campaign, version, launch, step or day',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AnalyticsTableDto, description: '{ columns, rows }, or CSV with format=csv.' })
  async funnel(
    @CurrentActor() actor: Actor,
    @Query() q: FunnelQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AnalyticsTable | string> {
    const table = await this.analytics.funnel(actor, { ...q, groupBy: q.groupBy ?? 'vendor' });
    return this.answer(table, q.format, `funnel-by-${q.groupBy ?? 'vendor'}.csv`, res);
  }

  @Get('partners')
  @ApiOperation({ operationId: 'getPartnerActivity', summary: 'Activity and results of every partner' })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: AnalyticsTableDto,
    description:
      'Every partner: launches, campaigns, the last launch, and results; sortable; inactiveDays for those who went quiet.',
  })
  async partners(
    @CurrentActor() actor: Actor,
    @Query() q: PartnerActivityQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AnalyticsTable | string> {
    return this.answer(await this.analytics.partnerActivity(actor, q), q.format, 'partner-activity.csv', res);
  }

  private answer(
    table: AnalyticsTable,
    format: 'json' | 'csv' | undefined,
    filename: string,
    res: Response,
  ): AnalyticsTable | string {
    if (format !== 'csv') return table;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return this.analytics.toCsv(table);
  }
}
