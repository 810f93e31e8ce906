import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ConciergeAccessEntry, ConciergeService } from '@tcma/accounts';
import { CurrentActor, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';

class ConciergeAccessDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid', description: 'The vendor user who acted for the partner.' }) userId!: string;
  @ApiProperty({ description: "The vendor user's name." }) userName!: string;
  @ApiProperty({ description: "The vendor user's email." }) userEmail!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() method!: string;
  @ApiProperty() path!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'What the request did, in words, when the partner must be able to find it (a cancelled social post); null for an ordinary request.',
  })
  action!: string | null;

  static from(a: ConciergeAccessEntry): ConciergeAccessDto {
    return {
      id: String(a.id),
      userId: a.userId,
      userName: a.userName,
      userEmail: a.userEmail,
      partnerId: a.partnerId,
      method: a.method,
      path: a.path,
      at: a.at,
      action: a.action,
    };
  }
}

@ApiTags('identity')
@ApiBearerAuth()
@ApiCookieAuth()
// The vendor's admins, and the partner's own admins: a partner sees who acted for it.
@Roles('vendor_admin', 'partner_admin')
@Controller('partners/:partnerId/concierge-accesses')
export class ConciergeController {
  constructor(private readonly concierge: ConciergeService) {}

  @Get()
  @ApiOperation({
    operationId: 'listConciergeAccesses',
    summary: 'Who at the vendor acted for a partner (X-Acting-For), newest first',
  })
  @ApiOkResponse({ type: PageDto(ConciergeAccessDto) })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: PageQuery,
  ): Promise<Page<ConciergeAccessDto>> {
    return pageOf(await this.concierge.list(actor, partnerId, query), query, (a) => ConciergeAccessDto.from(a));
  }
}
