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
import { EmailDomainsService } from '@tcma/sso';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ClaimEmailDomainDto, EmailDomainDto, EmailDomainListDto } from './email-domain.dto';

/**
 * The email domains that offer a company's own sign-in: a vendor admin's for the vendor, a
 * partner admin's for its partner, each proven by a DNS TXT record.
 */
@ApiTags('single sign-on')
@ApiBearerAuth()
@Roles('vendor_admin', 'partner_admin')
@Controller('email-domains')
export class EmailDomainsController {
  constructor(private readonly domains: EmailDomainsService) {}

  @Get()
  @ApiOperation({ operationId: 'listEmailDomains', summary: "Your company's email domains, pending and verified" })
  @ApiOkResponse({ type: EmailDomainListDto })
  async list(@CurrentActor() actor: Actor): Promise<EmailDomainListDto> {
    return { items: (await this.domains.list(actor)).map((d) => EmailDomainDto.from(d)) };
  }

  @Post()
  @ApiOperation({
    operationId: 'createEmailDomain',
    summary: 'Claim an email domain: pending, with the TXT record to publish',
    description:
      '409 when you claimed it already or another company of the vendor verified it; 422 for a name that is not a domain, or past the limit.',
  })
  @ApiCreatedResponse({ type: EmailDomainDto })
  async claim(@CurrentActor() actor: Actor, @Body() dto: ClaimEmailDomainDto): Promise<EmailDomainDto> {
    return EmailDomainDto.from(await this.domains.claim(actor, dto.domain));
  }

  @Post(':id/check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'checkEmailDomain',
    summary: 'Look the TXT record up now: verified when found, else the reason in lastError',
    description: '409 when another company of the vendor verified the domain first.',
  })
  @ApiOkResponse({ type: EmailDomainDto })
  async check(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<EmailDomainDto> {
    return EmailDomainDto.from(await this.domains.check(actor, id));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'deleteEmailDomain',
    summary: 'Remove an email domain: its addresses are no longer offered your own sign-in',
  })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.domains.remove(actor, id);
  }
}
