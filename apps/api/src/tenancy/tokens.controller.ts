import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { Actor, TokensService } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { IssuedTokenDto, IssueTokenDto, ListTokensQuery, TokenDto } from './dto/token.dto';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { StrictRateLimit } from '../rate-limits/rate-limits';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @StrictRateLimit('sensitive')
  @Post()
  @ApiOperation({ operationId: 'createToken', summary: 'Issue an API token' })
  @ApiCreatedResponse({ type: IssuedTokenDto, description: 'The secret is in `token` and is never shown again.' })
  async issue(@CurrentActor() actor: Actor, @Body() dto: IssueTokenDto): Promise<IssuedTokenDto> {
    const issued = await this.tokens.issue(actor, dto);
    return { ...TokenDto.from(issued.token), token: issued.secret };
  }

  @Get()
  @ApiOperation({ operationId: 'listTokens', summary: 'List API tokens' })
  @ApiOkResponse({ type: PageDto(TokenDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: ListTokensQuery): Promise<Page<TokenDto>> {
    return pageOf(await this.tokens.list(actor, query.userId, query), query, (t) => TokenDto.from(t));
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'deleteToken', summary: 'Revoke an API token' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked; the token stops working at once.' })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.tokens.revoke(actor, id);
  }
}
