import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { ConversionResult, ConversionsService } from '@tcma/engagement';
import type { Actor } from '@tcma/tenancy';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

class ConversionDto {
  @ApiProperty({ example: 'ana@prospect.example', description: 'The prospect, by email (any case).' })
  @IsString()
  @MaxLength(254)
  email!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Vendor users: the partner whose prospect it is. Partner users: their own (naming another answers 404).',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this launch (default: every launch that reached the prospect).',
  })
  @IsOptional()
  @IsUUID()
  launchId?: string;
}

class ConversionViewDto implements ConversionResult {
  @ApiProperty() prospectId!: string;
  @ApiProperty({ type: [String], description: 'Launches the conversion was recorded for (once per launch).' })
  launches!: string[];
  @ApiProperty({ description: 'Sequences the prospect left (those that exit on conversion).' }) exited!: number;
}

@ApiTags('analytics')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('conversions')
export class ConversionsController {
  constructor(private readonly conversions: ConversionsService) {}

  @Post()
  @ApiOperation({ operationId: 'recordConversion', summary: 'Record a conversion' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: ConversionViewDto,
    description: 'Recorded (idempotent per launch); the prospect leaves sequences that exit on conversion.',
  })
  record(@CurrentActor() actor: Actor, @Body() dto: ConversionDto): Promise<ConversionResult> {
    return this.conversions.record(actor, dto);
  }
}
