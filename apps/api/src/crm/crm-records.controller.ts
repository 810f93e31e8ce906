import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { CrmConnectionsService } from '@tcma/crm';
import { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** One lead's hand-off to a CRM. */
@ApiTags('crm')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('vendor_admin', 'partner_user')
@Controller('crm-records')
export class CrmRecordsController {
  constructor(private readonly connections: CrmConnectionsService) {}

  @Post(':id/retry')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'replayCrmRecord', summary: 'Try a failed record again now' })
  @ApiNoContentResponse()
  async retry(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.connections.retry(actor, id);
  }
}
