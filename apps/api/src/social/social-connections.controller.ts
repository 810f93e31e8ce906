import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { SocialConnectionsService } from '@tcma/social';
import { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  SocialAuthorizationDto,
  SocialConnectionDto,
  SocialDisconnectionDto,
  SocialNetworkParam,
} from './social-connection.dto';

/** A partner's social accounts; vendor users act for the partner (X-Acting-For) to connect one for it. */
@ApiTags('social')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('partner_admin', 'partner_user')
@Controller('social-connections')
export class SocialConnectionsController {
  constructor(private readonly connections: SocialConnectionsService) {}

  @Post(':network/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'startSocialConnection',
    summary: "Start connecting an account: the network's authorization address to send the browser to",
  })
  @ApiOkResponse({ type: SocialAuthorizationDto })
  start(@CurrentActor() actor: Actor, @Param() params: SocialNetworkParam): Promise<SocialAuthorizationDto> {
    return this.connections.start(actor, params.network);
  }

  @Get()
  @ApiOperation({
    operationId: 'listSocialConnections',
    summary: "List the partner's social connections with their status and expiry",
  })
  @ApiOkResponse({ type: PageDto(SocialConnectionDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<SocialConnectionDto>> {
    return pageOf(await this.connections.list(actor, query), query, (c) => SocialConnectionDto.from(c));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'deleteSocialConnection',
    summary: 'Disconnect an account (revoked at the network, tokens wiped); remove one already disconnected',
    description:
      'The grant is revoked at the network where it allows; the connection is kept as revoked, its tokens wiped. Disconnecting a revoked one removes it.',
  })
  @ApiOkResponse({ type: SocialDisconnectionDto })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SocialDisconnectionDto> {
    return SocialDisconnectionDto.from(await this.connections.disconnect(actor, id));
  }
}
