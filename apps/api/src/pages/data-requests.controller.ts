import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { DataRequestsService } from '@tcma/pages';
import { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { DataErasureDto, DataExportDto, DataRequestDto, DataRequestRecordDto } from './data-request.dto';

@ApiTags('data requests')
@ApiBearerAuth()
@Roles('vendor_admin', 'partner_user')
@Controller('data-requests')
export class DataRequestsController {
  constructor(private readonly requests: DataRequestsService) {}

  @Post('export')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'exportPersonalData',
    summary: 'Everything held about an email address (a data subject access request), as JSON; recorded',
  })
  @ApiOkResponse({ type: DataExportDto })
  async export(@CurrentActor() actor: Actor, @Body() dto: DataRequestDto): Promise<DataExportDto> {
    return DataExportDto.from(await this.requests.export(actor, dto));
  }

  @Post('erasure')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'deletePersonalData',
    summary: 'Erase an email address: prospect, consent, leads, personal fields of events (counts stay)',
  })
  @ApiOkResponse({ type: DataErasureDto })
  async erase(@CurrentActor() actor: Actor, @Body() dto: DataRequestDto): Promise<DataErasureDto> {
    return DataErasureDto.from(await this.requests.erase(actor, dto));
  }

  @Get()
  @ApiOperation({
    operationId: 'listDataRequests',
    summary: 'The record of data requests, newest first (partner users: their own partner’s)',
  })
  @ApiOkResponse({ type: PageDto(DataRequestRecordDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<DataRequestRecordDto>> {
    return pageOf(await this.requests.list(actor, query), query, (r) => DataRequestRecordDto.from(r));
  }
}
