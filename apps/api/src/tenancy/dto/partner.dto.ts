import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_STATUSES, PartnerEntity, PartnerStatus } from '@tcma/persistence';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../common/page.query';
import { IsTimeZone } from '../../common/validators/is-time-zone.validator';

export class CreatePartnerDto {
  @ApiProperty({ example: 'Northwind IT' })
  @IsString()
  @Length(1, 200)
  companyName!: string;

  @ApiProperty({ example: 'gold' })
  @IsString()
  @Length(1, 50)
  tier!: string;

  @ApiProperty({ example: 'emea' })
  @IsString()
  @Length(1, 50)
  region!: string;

  @ApiPropertyOptional({ example: 'Europe/Warsaw', description: 'Used for prospects without a time zone. Default UTC.' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ enum: PARTNER_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(PARTNER_STATUSES)
  status?: PartnerStatus;
}

export class UpdatePartnerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) companyName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) tier?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timezone?: string;
  @ApiPropertyOptional({ enum: PARTNER_STATUSES, description: "A suspended partner's users cannot authenticate." })
  @IsOptional()
  @IsIn(PARTNER_STATUSES)
  status?: PartnerStatus;
}

export class ListPartnersQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) tier?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) region?: string;
  @ApiPropertyOptional({ enum: PARTNER_STATUSES }) @IsOptional() @IsIn(PARTNER_STATUSES) status?: PartnerStatus;
  @ApiPropertyOptional({ description: 'Part of the company name, case-insensitive.' }) @IsOptional() @IsString() @Length(1, 100) search?: string;
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty() tier!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: PARTNER_STATUSES }) status!: PartnerStatus;
  @ApiProperty() timezone!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(p: PartnerEntity): PartnerDto {
    return {
      id: p.id,
      companyName: p.companyName,
      tier: p.tier,
      region: p.region,
      status: p.status,
      timezone: p.timezone,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

export class PartnerPageDto {
  @ApiProperty({ type: [PartnerDto] }) items!: PartnerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
