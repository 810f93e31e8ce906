import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { CrmConnectionsService } from '@tcma/crm';
import { Actor } from '@tcma/tenancy';
import type { Response } from 'express';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  CrmAuthorizationDto,
  CrmConnectionDto,
  CrmConnectionListDto,
  CrmFieldListDto,
  CrmFieldMappingBody,
  CrmProviderParam,
  CrmRecordDto,
  CrmRecordsQuery,
} from './crm.dto';
import { CrmStateCookie } from './crm-state-cookie';

/**
 * CRM connections: a partner's (its users, or a vendor user acting for it) or the vendor's own
 * (vendor admins). Leads of the partner's pages are written to them; won deals come back.
 */
@ApiTags('crm')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('vendor_admin', 'partner_user')
@Controller('crm-connections')
export class CrmConnectionsController {
  constructor(
    private readonly connections: CrmConnectionsService,
    private readonly stateCookie: CrmStateCookie,
  ) {}

  @Post(':provider/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'startCrmConnection',
    summary: "Start connecting a CRM: the CRM's authorization address to send the browser to",
  })
  @ApiOkResponse({ type: CrmAuthorizationDto })
  start(
    @CurrentActor() actor: Actor,
    @Param() params: CrmProviderParam,
    @Res({ passthrough: true }) res: Response,
  ): CrmAuthorizationDto {
    const started = this.connections.start(actor, params.provider);
    this.stateCookie.set(res, started.stateCookie);
    return { authorizationUrl: started.authorizationUrl };
  }

  @Get()
  @ApiOperation({
    operationId: 'listCrmConnections',
    summary: "List the CRM connections of the partner, or the vendor's own",
  })
  @ApiOkResponse({ type: CrmConnectionListDto })
  async list(@CurrentActor() actor: Actor): Promise<CrmConnectionListDto> {
    return { items: (await this.connections.list(actor)).map((c) => CrmConnectionDto.from(c)) };
  }

  @Get(':id/fields')
  @ApiOperation({ operationId: 'listCrmFields', summary: "List the CRM's writable contact fields, read from its API" })
  @ApiOkResponse({ type: CrmFieldListDto })
  async fields(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CrmFieldListDto> {
    return { items: await this.connections.fields(actor, id) };
  }

  @Put(':id/field-mapping')
  @ApiOperation({
    operationId: 'replaceCrmFieldMapping',
    summary: "Set which lead fields go to which CRM fields (checked against the CRM's own fields)",
  })
  @ApiOkResponse({ type: CrmConnectionDto })
  async setMapping(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CrmFieldMappingBody,
  ): Promise<CrmConnectionDto> {
    return CrmConnectionDto.from(await this.connections.setMapping(actor, id, body.fieldMapping));
  }

  @Get(':id/records')
  @ApiOperation({
    operationId: 'listCrmRecords',
    summary: "List the leads handed to the connection's CRM and the state of each, newest first",
  })
  @ApiOkResponse({ type: PageDto(CrmRecordDto) })
  async records(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: CrmRecordsQuery,
  ): Promise<Page<CrmRecordDto>> {
    return pageOf(
      await this.connections.recordsOf(actor, id, { status: query.status, partnerId: query.partnerId }, query),
      query,
      (r) => CrmRecordDto.from(r),
    );
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'deleteCrmConnection',
    summary: 'Disconnect a CRM: nothing more is written there; its records and revenue are removed',
  })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.connections.disconnect(actor, id);
  }
}
