import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { PartnerSetupService } from '@tcma/partner-home';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnerSetupDto } from './partner-setup.dto';

/** Where a new partner stands in the guided set-up; each step saves through its own resource. */
@ApiTags('partner home')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId/setup')
export class PartnerSetupController {
  constructor(private readonly setup: PartnerSetupService) {}

  @Get()
  @ApiOperation({
    operationId: 'getPartnerSetup',
    summary: 'Where a new partner stands in the guided set-up, and what it suggests',
  })
  @ApiOkResponse({
    type: PartnerSetupDto,
    description:
      "Each step done or not, the next one, a primary colour from the logo and the campaign to launch first. For the partner's own users only: anyone else (vendor users included) gets 404.",
  })
  async get(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
  ): Promise<PartnerSetupDto> {
    return PartnerSetupDto.from(await this.setup.get(actor, partnerId));
  }
}
