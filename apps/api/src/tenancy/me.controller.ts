import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { ROLES, Role } from '@tcma/persistence';
import { UsersService, type Actor } from '@tcma/tenancy';
import { UpdateOwnProfileDto, UserDto } from './dto/user.dto';

class MeDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) vendorId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

@ApiTags('identity')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'Who the caller is' })
  @ApiOkResponse({ type: MeDto, description: 'Who the token belongs to.' })
  me(@CurrentActor() actor: Actor): MeDto {
    return { userId: actor.userId, vendorId: actor.vendorId, partnerId: actor.partnerId, role: actor.role };
  }

  @Patch()
  @ApiOperation({
    operationId: 'updateOwnProfile',
    summary: 'Change your own profile (your language); acting for a partner, it is still your own',
  })
  @ApiOkResponse({ type: UserDto, description: 'Your user as it now is.' })
  async update(@CurrentActor() actor: Actor, @Body() dto: UpdateOwnProfileDto): Promise<UserDto> {
    return UserDto.from(await this.users.updateOwn(actor, dto));
  }
}
