import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { LeadsService } from '@tcma/pages';
import { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnerDto } from '../tenancy/dto/partner.dto';
import { ChangeLeadStatusDto, ContactsPrivacyDto, LeadDetailDto, LeadDto, ListLeadsQuery } from './lead.dto';

@ApiTags('leads')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller()
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get('partners/:partnerId/leads')
  @ApiOperation({
    operationId: 'listLeads',
    summary: "List a partner's leads, newest first (hidden from the vendor when the partner is private)",
  })
  @ApiOkResponse({ type: PageDto(LeadDto) })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: ListLeadsQuery,
  ): Promise<Page<LeadDto>> {
    return pageOf(await this.leads.list(actor, partnerId, query), query, (l) => LeadDto.from(l));
  }

  @Get('leads/:id')
  @ApiOperation({ operationId: 'getLead', summary: 'Get a lead' })
  @ApiOkResponse({ type: LeadDetailDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LeadDetailDto> {
    return LeadDetailDto.fromDetail(await this.leads.get(actor, id));
  }

  @Post('leads/:id/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'updateLeadStatus',
    summary: 'Move a lead on: accepted, rejected (with a reason), won or lost',
  })
  @ApiOkResponse({ type: LeadDetailDto })
  async changeStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ChangeLeadStatusDto,
  ): Promise<LeadDetailDto> {
    return LeadDetailDto.fromDetail(await this.leads.changeStatus(actor, id, dto));
  }

  @Put('partners/:partnerId/contacts-privacy')
  @ApiOperation({
    operationId: 'updateContactsPrivacy',
    summary: "Keep the partner's leads from its vendor, or share them (partner admins)",
  })
  @Roles('partner_admin')
  @ApiOkResponse({ type: PartnerDto })
  async setPrivacy(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Body() dto: ContactsPrivacyDto,
  ): Promise<PartnerDto> {
    return PartnerDto.from(await this.leads.setContactsPrivate(actor, partnerId, dto.contactsPrivate));
  }
}
