import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LaunchView } from '@tcma/nurture';
import type { AudienceSpec } from '@tcma/persistence';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Min, ValidateIf, ValidateNested } from 'class-validator';

export class AudienceDto {
  @ApiProperty({ enum: ['list', 'filter', 'all'] }) @IsIn(['list', 'filter', 'all']) type!: 'list' | 'filter' | 'all';

  @ApiPropertyOptional({ format: 'uuid', description: 'type=list' })
  @ValidateIf((a: AudienceDto) => a.type === 'list')
  @IsUUID()
  listId?: string;

  @ApiPropertyOptional({ type: [String], description: 'type=filter: prospects in these countries.' })
  @ValidateIf((a: AudienceDto) => a.type === 'filter' && a.country !== undefined)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  country?: string[];

  @ApiPropertyOptional({ description: 'type=filter: part of the email or company.' })
  @ValidateIf((a: AudienceDto) => a.type === 'filter' && a.search !== undefined)
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class CreateLaunchDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() campaignId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Vendor users launching on behalf of a partner.' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ description: 'The version to pin; the latest published by default.' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiProperty({ type: AudienceDto }) @ValidateNested() @Type(() => AudienceDto) audience!: AudienceDto;
  @ApiPropertyOptional({ description: 'When the first step may go (in each prospect’s zone); now by default.' }) @IsOptional() @Type(() => Date) @IsDate() startAt?: Date;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Values of slots the brand kit does not fill.' }) @IsOptional() @IsObject() slotValues?: Record<string, string>;
}

export function toAudience(dto: AudienceDto): AudienceSpec {
  if (dto.type === 'list') return { type: 'list', listId: dto.listId as string };
  if (dto.type === 'filter') return { type: 'filter', ...(dto.country ? { country: dto.country } : {}), ...(dto.search ? { search: dto.search } : {}) };
  return { type: 'all' };
}

export class LaunchViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['enrolling', 'active', 'paused', 'cancelled', 'completed'] }) status!: string;
  @ApiProperty({ type: AudienceDto }) audience!: AudienceSpec;
  @ApiProperty() startAt!: Date;
  @ApiProperty() timezone!: string;
  @ApiProperty() enrolled!: number;
  @ApiProperty({ description: 'Addresses left out because they are suppressed.' }) skippedSuppressed!: number;
  @ApiPropertyOptional({ description: 'Enrollments and sends by status.' }) stats?: { enrollments: Record<string, number>; sends: Record<string, number> };
  @ApiProperty() createdAt!: Date;

  static from(l: LaunchView): LaunchViewDto {
    return {
      id: l.id,
      partnerId: l.partnerId,
      campaignId: l.campaignId,
      version: l.version,
      status: l.status,
      audience: l.audience,
      startAt: l.startAt,
      timezone: l.timezone,
      enrolled: l.enrolled,
      skippedSuppressed: l.skippedSuppressed,
      ...(l.stats ? { stats: l.stats } : {}),
      createdAt: l.createdAt,
    };
  }
}
