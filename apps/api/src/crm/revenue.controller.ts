import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { Clock } from '@tcma/clock';
import { CrmRevenueService } from '@tcma/crm';
import { Actor, scopeOf } from '@tcma/tenancy';
import { RevenueInfluencedDto, RevenueQuery } from './crm.dto';

/** The most campaigns, partners and programmes in each top list. */
const TOP = 5;

/** Revenue influenced: won deals read back from CRMs, against the campaigns, partners and programmes whose leads they were. */
@ApiTags('crm')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles(...MARKETING_ROLES)
@Controller('revenue')
export class RevenueController {
  constructor(
    private readonly revenue: CrmRevenueService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getRevenueInfluenced',
    summary: 'Revenue influenced over the last days: totals per currency, top campaigns, partners and programmes',
  })
  @ApiOkResponse({ type: RevenueInfluencedDto })
  async get(@CurrentActor() actor: Actor, @Query() query: RevenueQuery): Promise<RevenueInfluencedDto> {
    const since = new Date(this.clock.now().getTime() - query.days * 86_400_000);
    return RevenueInfluencedDto.from(since, query.days, await this.revenue.influenced(scopeOf(actor), since, TOP));
  }
}
