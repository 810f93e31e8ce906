import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { SsoTestsService } from '@tcma/sso';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { SsoRefusalListDto, SsoTestResultDto, SsoTestStartDto } from './sso-test.dto';

/** Why a connection does not sign someone in: "Test sign-in" (nobody signed in) and its recent refusals. */
@ApiTags('single sign-on')
@ApiBearerAuth()
@Roles('vendor_admin', 'partner_admin')
@Controller('sso-connections')
export class SsoTestsController {
  constructor(private readonly tests: SsoTestsService) {}

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'startSsoTest',
    summary: "Test a connection: the address to send the admin's browser to; nobody is signed in",
    description: '409 for a connection that is off.',
  })
  @ApiOkResponse({ type: SsoTestStartDto })
  start(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SsoTestStartDto> {
    return this.tests.start(actor, id);
  }

  @Get(':id/test-results/:resultId')
  @ApiOperation({
    operationId: 'getSsoTestResult',
    summary: 'What a test sign-in received and what signing in would do (10 minutes, for its admin only)',
  })
  @ApiOkResponse({ type: SsoTestResultDto })
  async result(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('resultId') resultId: string,
  ): Promise<SsoTestResultDto> {
    return SsoTestResultDto.from(await this.tests.result(actor, id, resultId));
  }

  @Get(':id/refusals')
  @ApiOperation({
    operationId: 'listSsoRefusals',
    summary: "The connection's refused sign-ins of the last 30 days, newest first, with what was wrong",
  })
  @ApiOkResponse({ type: SsoRefusalListDto })
  async refusals(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SsoRefusalListDto> {
    const rows = await this.tests.recentRefusals(actor, id);
    return { items: rows.map((r) => ({ reason: r.reason, detail: r.detail, at: r.createdAt })) };
  }
}
