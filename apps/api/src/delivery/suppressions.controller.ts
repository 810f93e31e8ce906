import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
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
import type { SuppressionRow } from '@tcma/persistence';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { SuppressionsService } from '@tcma/delivery';
import type { Actor } from '@tcma/tenancy';
import type { Response } from 'express';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page.query';
import { Page, PageDto, pageOf } from '../common/page.dto';

class AddSuppressionDto {
  @ApiProperty() @IsString() @MaxLength(254) email!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Vendor users: one partner only (else vendor-wide). Partner users: always their own.',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'One campaign only.' })
  @IsOptional()
  @IsUUID()
  campaignId?: string | null;
  @ApiPropertyOptional({ enum: ['manual', 'complaint'] }) @IsOptional() @IsIn(['manual', 'complaint']) reason?:
    'manual' | 'complaint';
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

  static from(s: SuppressionRow): SuppressionViewDto {
    return {
      id: String(s.id),
      email: s.emailLower,
      partnerId: s.partnerId,
      campaignId: s.campaignId,
      reason: s.reason,
      createdAt: s.createdAt,
    };
  }
}

@ApiTags('delivery')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listSuppressions', summary: 'List suppressed addresses' })
  @ApiOkResponse({ type: PageDto(SuppressionViewDto), description: 'Newest first.' })
  async list(@CurrentActor() actor: Actor, @Query() query: SuppressionQuery): Promise<Page<SuppressionViewDto>> {
    return pageOf(await this.suppressions.list(actor, query), query, (s) => SuppressionViewDto.from(s));
  }

  @Post()
  @ApiOperation({ operationId: 'addSuppression', summary: 'Suppress an address' })
  @ApiCreatedResponse({
    type: SuppressionViewDto,
    description:
      'Suppressed; checked before every send. 201 when new, 200 with the existing suppression when the address was suppressed at that level already. A partnerId or campaignId of another tenant answers 404.',
  })
  async add(
    @CurrentActor() actor: Actor,
    @Body() dto: AddSuppressionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SuppressionViewDto> {
    const { suppression, created } = await this.suppressions.add(actor, dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return SuppressionViewDto.from(suppression);
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'deleteSuppression', summary: 'Lift a suppression' })
  @Roles('vendor_admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Manual and complaint suppressions only; unsubscribes and bounces stay (409).' })
  remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.suppressions.remove(actor, id);
  }
}
