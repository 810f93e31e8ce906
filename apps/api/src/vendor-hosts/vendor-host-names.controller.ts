import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { VendorHostNamesService } from '@tcma/vendor-hosts';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ClaimHostNameDto, VendorHostNameDto, VendorHostNameListDto } from './vendor-host-name.dto';

/** The host names a vendor serves its partner portal at, each proven by a DNS TXT record. */
@ApiTags('vendor host names')
@ApiBearerAuth()
@Roles('vendor_admin')
@Controller('vendor-host-names')
export class VendorHostNamesController {
  constructor(private readonly hostNames: VendorHostNamesService) {}

  @Get()
  @ApiOperation({ operationId: 'listVendorHostNames', summary: "The vendor's host names, pending and verified" })
  @ApiOkResponse({ type: VendorHostNameListDto })
  async list(@CurrentActor() actor: Actor): Promise<VendorHostNameListDto> {
    return { items: (await this.hostNames.list(actor)).map((h) => VendorHostNameDto.from(h)) };
  }

  @Post()
  @ApiOperation({
    operationId: 'createVendorHostName',
    summary: 'Claim a host name: pending, with the TXT record to publish',
    description:
      '409 when the vendor claimed it already or another vendor verified it; 422 for a name that is not a host name, or past the limit per vendor.',
  })
  @ApiCreatedResponse({ type: VendorHostNameDto })
  async claim(@CurrentActor() actor: Actor, @Body() dto: ClaimHostNameDto): Promise<VendorHostNameDto> {
    return VendorHostNameDto.from(await this.hostNames.claim(actor, dto.host));
  }

  @Post(':id/check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'checkVendorHostName',
    summary: 'Look the TXT record up now: verified when found, else the reason in lastError',
    description: '409 when another vendor verified the host first.',
  })
  @ApiOkResponse({ type: VendorHostNameDto })
  async check(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<VendorHostNameDto> {
    return VendorHostNameDto.from(await this.hostNames.check(actor, id));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'deleteVendorHostName', summary: 'Remove a host name: it serves every vendor again' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.hostNames.remove(actor, id);
  }
}
