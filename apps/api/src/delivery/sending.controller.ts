import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { DnsCheckReport, SendingConfigsService, SendingConfigView, SendingDnsCheckService } from '@tcma/delivery';
import type { Actor } from '@tcma/tenancy';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ParseIdPipe } from '../common/parse-id.pipe';

class DkimDto {
  @ApiProperty({ example: 'acme.example' }) @IsString() @MaxLength(253) domain!: string;
  @ApiProperty({ example: 'tcma' }) @IsString() @MaxLength(63) selector!: string;
  @ApiProperty({ description: 'PEM RSA private key; stored encrypted, never shown again.' })
  @IsString()
  @MaxLength(10_000)
  privateKey!: string;
}

/** Every field left out keeps its stored value; null clears it. */
class SendingConfigDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'smtp://user:password@mail.example.com:587',
    description: 'Stored encrypted; left out keeps the stored one; null sends to SMTP_URL or the outbox.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  smtpUrl?: string | null;

  @ApiPropertyOptional({
    type: DkimDto,
    nullable: true,
    description: 'Left out keeps the stored key (a generated one too); null removes it.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DkimDto)
  dkim?: DkimDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Messages per second per sender; SEND_RATE_PER_SECOND by default.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  ratePerSecond?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Vendor level: the domain of From for partners without their own sender identity.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  sendingDomain?: string | null;
}

const DNS_RECORD_KINDS = ['dkim', 'spf', 'dmarc'];

class DnsRecordDto {
  @ApiProperty({ enum: DNS_RECORD_KINDS }) kind!: string;
  @ApiProperty({ enum: ['TXT'] }) type!: string;
  @ApiProperty({ example: 'tcma202611._domainkey.acme.example' }) name!: string;
  @ApiProperty({ example: 'v=DKIM1; k=rsa; p=MIIBIjAN…' }) value!: string;
  @ApiProperty({ description: 'What the record does and what to watch out for when publishing it.' })
  explanation!: string;
}

class GenerateDkimDto {
  @ApiPropertyOptional({ example: 'tcma202611', description: 'A DNS label; tcma<yyyymm> (UTC) by default.' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  selector?: string;
}

class DnsCheckDto {
  @ApiProperty({ enum: DNS_RECORD_KINDS }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    description: 'The value the engine expects (for SPF, the mechanism it names must be in the one SPF record).',
  })
  expected!: string;
  @ApiProperty({
    enum: ['ok', 'missing', 'wrong', 'unresolved'],
    description: 'unresolved: the DNS server did not answer (timeout, failure).',
  })
  state!: string;
  @ApiProperty({ type: [String], description: 'The TXT values found that matter to this record.' }) found!: string[];
  @ApiProperty({ description: 'What was found against what was expected, and what to do.' }) message!: string;
}

export class DnsCheckReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ type: [DnsCheckDto] }) records!: DnsCheckDto[];
}

class SmtpViewDto {
  @ApiProperty() host!: string;
  @ApiProperty({ nullable: true, type: Number }) port!: number | null;
  @ApiProperty() secure!: boolean;
  @ApiProperty({ nullable: true, type: String }) user!: string | null;
}

class DkimViewDto {
  @ApiProperty() domain!: string;
  @ApiProperty() selector!: string;
}

class SendingConfigViewDto {
  @ApiProperty({ enum: ['vendor', 'partner'] }) scope!: string;
  @ApiProperty({ nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ nullable: true, type: SmtpViewDto, description: 'Host, port, TLS and user; never the password.' })
  smtp!: SmtpViewDto | null;
  @ApiProperty({ nullable: true, type: DkimViewDto, description: 'The key that signs; never the private key.' })
  dkim!: DkimViewDto | null;
  @ApiProperty({ nullable: true, type: Number }) ratePerSecond!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sendingDomain?: string | null;
  @ApiProperty({
    type: [DnsRecordDto],
    description: 'The TXT records to publish: DKIM once there is a key, SPF and DMARC once there is a domain.',
  })
  dnsRecords!: DnsRecordDto[];
}

@ApiTags('delivery')
@ApiBearerAuth()
@Roles('vendor_admin')
@Controller()
export class SendingController {
  constructor(
    private readonly configs: SendingConfigsService,
    private readonly dns: SendingDnsCheckService,
  ) {}

  @Get('sending')
  @ApiOperation({ operationId: 'getVendorSending', summary: "Get the vendor's sending settings" })
  @ApiOkResponse({ type: SendingConfigViewDto })
  getVendor(@CurrentActor() actor: Actor): Promise<SendingConfigView> {
    return this.configs.get(actor, null);
  }

  @Put('sending')
  @ApiOperation({ operationId: 'replaceVendorSending', summary: "Set the vendor's sending settings" })
  @ApiOkResponse({ type: SendingConfigViewDto })
  putVendor(@CurrentActor() actor: Actor, @Body() dto: SendingConfigDto): Promise<SendingConfigView> {
    return this.configs.put(actor, null, dto);
  }

  @Delete('sending')
  @ApiOperation({ operationId: 'deleteVendorSending', summary: "Remove the vendor's sending settings" })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  deleteVendor(@CurrentActor() actor: Actor): Promise<void> {
    return this.configs.remove(actor, null);
  }

  @Post('sending/dkim')
  @ApiOperation({
    operationId: 'generateVendorDkimKey',
    summary: 'Generate a DKIM key for the sending domain',
    description:
      'An RSA 2048 key pair; the private key is sealed and never shown, and replaces any other at once. 422 when no sending domain is set.',
  })
  @ApiCreatedResponse({ type: SendingConfigViewDto, description: 'The settings, with the DNS records to publish.' })
  generateVendorDkim(@CurrentActor() actor: Actor, @Body() dto: GenerateDkimDto): Promise<SendingConfigView> {
    return this.configs.generateVendorDkim(actor, dto.selector);
  }

  @Post('sending/dns-check')
  @ApiOperation({
    operationId: 'checkVendorDns',
    summary: 'Check the DNS records of the sending domain',
    description: 'Looks up the DKIM, SPF and DMARC records and says per record: ok, missing, wrong or unresolved.',
  })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DnsCheckReportDto })
  checkVendorDns(@CurrentActor() actor: Actor): Promise<DnsCheckReport> {
    return this.dns.checkVendor(actor);
  }

  @Get('partners/:partnerId/sending')
  @ApiOperation({ operationId: 'getPartnerSending', summary: "Get a partner's own sending settings" })
  @ApiOkResponse({ type: SendingConfigViewDto })
  getPartner(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
  ): Promise<SendingConfigView> {
    return this.configs.get(actor, partnerId);
  }

  @Put('partners/:partnerId/sending')
  @ApiOperation({ operationId: 'replacePartnerSending', summary: "Set a partner's own sending settings" })
  @ApiOkResponse({ type: SendingConfigViewDto, description: "A partner's own SMTP, used instead of the vendor's." })
  putPartner(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Body() dto: SendingConfigDto,
  ): Promise<SendingConfigView> {
    return this.configs.put(actor, partnerId, dto);
  }

  @Delete('partners/:partnerId/sending')
  @ApiOperation({ operationId: 'deletePartnerSending', summary: "Remove a partner's own sending settings" })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  deletePartner(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string): Promise<void> {
    return this.configs.remove(actor, partnerId);
  }
}
