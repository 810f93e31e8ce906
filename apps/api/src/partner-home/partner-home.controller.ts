import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { PartnerHomeService } from '@tcma/partner-home';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnerHomeDto } from './partner-home.dto';

/** The page a partner user lands on: what to do next. */
@ApiTags('partner home')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId/home')
export class PartnerHomeController {
  constructor(private readonly home: PartnerHomeService) {}

  @Get()
  @ApiOperation({
    operationId: 'getPartnerHome',
    summary: 'The partner home: campaigns ready to launch, launches to review and running, new leads, first steps',
  })
  @ApiOkResponse({
    type: PartnerHomeDto,
    description: "For the partner's own users only: anyone else (vendor users included) gets 404.",
  })
  async get(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string): Promise<PartnerHomeDto> {
    return PartnerHomeDto.from(await this.home.get(actor, partnerId));
  }
}
