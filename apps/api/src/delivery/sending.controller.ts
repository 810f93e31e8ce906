import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { SendingConfigsService, SendingConfigView } from '@tcma/delivery';
import type { Actor } from '@tcma/tenancy';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ParseIdPipe } from '../common/parse-id.pipe';

class DkimDto {
  @ApiProperty({ example: 'acme.example' }) @IsString() @MaxLength(253) domain!: string;
  @ApiProperty({ example: 'tcma' }) @IsString() @MaxLength(63) selector!: string;
  @ApiProperty({ description: 'PEM RSA private key; stored encrypted, never shown again.' }) @IsString() @MaxLength(10_000) privateKey!: string;
}

class SendingConfigDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'smtp://user:password@mail.example.com:587', description: 'Stored encrypted; null sends to SMTP_URL or the outbox.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  smtpUrl?: string | null;

  @ApiPropertyOptional({ type: DkimDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => DkimDto) dkim?: DkimDto | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Messages per second per sender; SEND_RATE_PER_SECOND by default.' }) @IsOptional() @IsInt() @Min(1) @Max(100_000) ratePerSecond?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Vendor level: the domain of From for partners without their own sender identity.' }) @IsOptional() @IsString() @MaxLength(253) sendingDomain?: string | null;
}

class SendingConfigViewDto {
  @ApiProperty({ enum: ['vendor', 'partner'] }) scope!: string;
  @ApiProperty({ nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ nullable: true, description: 'Host, port, TLS and user; never the password.' }) smtp!: object | null;
  @ApiProperty({ nullable: true }) dkim!: object | null;
  @ApiProperty({ nullable: true, type: Number }) ratePerSecond!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sendingDomain?: string | null;
}

@ApiTags('delivery')
@ApiBearerAuth()
@Roles('vendor_admin')
@Controller()
export class SendingController {
  constructor(private readonly configs: SendingConfigsService) {}

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

  @Get('partners/:partnerId/sending')
  @ApiOperation({ operationId: 'getPartnerSending', summary: "Get a partner's own sending settings" })
  @ApiOkResponse({ type: SendingConfigViewDto })
  getPartner(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string): Promise<SendingConfigView> {
    return this.configs.get(actor, partnerId);
  }

  @Put('partners/:partnerId/sending')
  @ApiOperation({ operationId: 'replacePartnerSending', summary: "Set a partner's own sending settings" })
  @ApiOkResponse({ type: SendingConfigViewDto, description: "A partner's own SMTP, used instead of the vendor's." })
  putPartner(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Body() dto: SendingConfigDto): Promise<SendingConfigView> {
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
