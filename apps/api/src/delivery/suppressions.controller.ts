import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { SuppressionsService } from '@tcma/delivery';
import type { Actor } from '@tcma/tenancy';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page.query';

class AddSuppressionDto {
  @ApiProperty() @IsString() @MaxLength(254) email!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Vendor users: one partner only (else vendor-wide). Partner users: always their own.' }) @IsOptional() @IsUUID() partnerId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'One campaign only.' }) @IsOptional() @IsUUID() campaignId?: string | null;
  @ApiPropertyOptional({ enum: ['manual', 'complaint'] }) @IsOptional() @IsIn(['manual', 'complaint']) reason?: 'manual' | 'complaint';
}

class SuppressionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
}

class SuppressionViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: Date;
}

@ApiTags('delivery')
@ApiBearerAuth()
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  @Get()
  @ApiOkResponse({ type: [SuppressionViewDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: SuppressionQuery): Promise<SuppressionViewDto[]> {
    return (await this.suppressions.list(actor, query)).map((s) => ({ id: String(s.id), email: s.emailLower, partnerId: s.partnerId, campaignId: s.campaignId, reason: s.reason, createdAt: s.createdAt }));
  }

  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Suppressed (idempotent); checked before every send.' })
  add(@CurrentActor() actor: Actor, @Body() dto: AddSuppressionDto): Promise<void> {
    return this.suppressions.add(actor, dto);
  }

  @Delete(':id')
  @Roles('vendor_admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Manual and complaint suppressions only; unsubscribes and bounces stay (409).' })
  remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.suppressions.remove(actor, id);
  }
}
