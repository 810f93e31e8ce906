import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InvitationsService } from '@tcma/accounts';
import { Clock } from '@tcma/clock';
import { CurrentActor, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateInvitationDto, InvitationDto, ListInvitationsQuery } from './auth.dto';

@ApiTags('identity')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('vendor_admin', 'partner_admin')
@Controller('user-invitations')
export class UserInvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'inviteUser',
    summary: 'Invite a user by email (vendor admins: anyone; partner admins: colleagues of their partner)',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  async invite(@CurrentActor() actor: Actor, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return InvitationDto.from(await this.invitations.invite(actor, dto), this.clock.now());
  }

  @Get()
  @ApiOperation({ operationId: 'listInvitations', summary: 'List invitations, newest first' })
  @ApiOkResponse({ type: PageDto(InvitationDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: ListInvitationsQuery): Promise<Page<InvitationDto>> {
    const now = this.clock.now();
    return pageOf(await this.invitations.list(actor, query), query, (i) => InvitationDto.from(i, now));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'withdrawInvitation', summary: 'Withdraw a pending invitation: its link stops working' })
  @ApiNoContentResponse()
  async withdraw(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.invitations.revoke(actor, id);
  }
}
