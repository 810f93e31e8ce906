import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { Actor, UsersService } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { UserDto } from './dto/user.dto';

@ApiTags('identity')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('vendor_admin', 'partner_admin')
@Controller('partners/:partnerId/users')
export class PartnerUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    operationId: 'listPartnerUsers',
    summary: "A partner's users, oldest first (for its admins and the vendor's admins)",
  })
  @ApiOkResponse({ type: PageDto(UserDto) })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: PageQuery,
  ): Promise<Page<UserDto>> {
    return pageOf(await this.users.listOfPartner(actor, partnerId, query), query, (u) => UserDto.from(u));
  }
}
