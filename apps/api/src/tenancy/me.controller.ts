import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { ROLES, Role } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';

class MeDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) vendorId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ enum: ROLES }) role!: Role;
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'Who the caller is' })
  @ApiOkResponse({ type: MeDto, description: 'Who the token belongs to.' })
  me(@CurrentActor() actor: Actor): MeDto {
    return { userId: actor.userId, vendorId: actor.vendorId, partnerId: actor.partnerId, role: actor.role };
  }
}
