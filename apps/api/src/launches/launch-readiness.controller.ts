import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { LaunchesService } from '@tcma/launches';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ReadinessDto } from './readiness.dto';

/** Whether a partner can launch a campaign of its catalogue, read on the portal's campaign page. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId')
export class LaunchReadinessController {
  constructor(private readonly launches: LaunchesService) {}

  @Get('campaigns/:campaignId/readiness')
  @ApiOperation({ operationId: 'getLaunchReadiness', summary: 'What the partner is missing to launch a campaign' })
  @ApiOkResponse({
    type: ReadinessDto,
    description:
      'Every missing item with a code and the field that fixes it; a launch answers 422 naming the blocking ones. Another partner (or a campaign the partner may not use) is a 404.',
  })
  readiness(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('campaignId', ParseIdPipe) campaignId: string,
  ): Promise<ReadinessDto> {
    return this.launches.readiness(actor, partnerId, campaignId);
  }
}
