import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { SsoConnectionsService } from '@tcma/sso';
import type { Actor } from '@tcma/tenancy';
import { SsoRequirementDto } from './sso-connection.dto';

/** Whether passwords still sign the vendor's users, or its partners' users, in. */
@ApiTags('single sign-on')
@ApiBearerAuth()
@Roles('vendor_admin')
@Controller('sso-requirement')
export class SsoRequirementController {
  constructor(private readonly connections: SsoConnectionsService) {}

  @Get()
  @ApiOperation({
    operationId: 'getSsoRequirement',
    summary: 'Whom the vendor requires to sign in through single sign-on',
  })
  @ApiOkResponse({ type: SsoRequirementDto })
  get(@CurrentActor() actor: Actor): Promise<SsoRequirementDto> {
    return this.connections.requirement(actor);
  }

  @Put()
  @ApiOperation({
    operationId: 'replaceSsoRequirement',
    summary: 'Require single sign-on of the vendor’s users or its partners’ users, or stop requiring it',
    description:
      '422 at the field when no enabled connection signs that kind of user in (they could not sign in at all). While required, disabling or removing the last such connection is a 409.',
  })
  @ApiOkResponse({ type: SsoRequirementDto })
  replace(@CurrentActor() actor: Actor, @Body() dto: SsoRequirementDto): Promise<SsoRequirementDto> {
    return this.connections.require(actor, {
      ssoRequiredVendorUsers: dto.ssoRequiredVendorUsers,
      ssoRequiredPartnerUsers: dto.ssoRequiredPartnerUsers,
    });
  }
}
