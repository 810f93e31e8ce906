import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { Clock } from '@tcma/clock';
import { CrmConnectionsService, CrmHeldBackService } from '@tcma/crm';
import { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CrmHeldBackDto, CrmHeldBackQuery } from './crm.dto';

/** One lead's hand-off to a CRM, and what the vendor's own CRM was not handed. */
@ApiTags('crm')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('vendor_admin', 'partner_user')
@Controller('crm-records')
export class CrmRecordsController {
  constructor(
    private readonly connections: CrmConnectionsService,
    private readonly heldBack: CrmHeldBackService,
    private readonly clock: Clock,
  ) {}

  @Get('held-back')
  // Vendor users only (a partner user, or a vendor user acting for a partner, is refused 403): counts across partners.
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOperation({
    operationId: 'listCrmLeadsHeldBack',
    summary: "Count, per private partner and campaign, the leads kept from the vendor's own CRM",
  })
  @ApiOkResponse({ type: CrmHeldBackDto })
  async listHeldBack(@CurrentActor() actor: Actor, @Query() query: CrmHeldBackQuery): Promise<CrmHeldBackDto> {
    const since = new Date(this.clock.now().getTime() - query.days * 86_400_000);
    return CrmHeldBackDto.from(since, query.days, await this.heldBack.countSince(actor, since));
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'replayCrmRecord',
    summary: 'Try a failed record, and its failed milestones, again now',
  })
  @ApiNoContentResponse()
  async retry(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.connections.retry(actor, id);
  }
}
