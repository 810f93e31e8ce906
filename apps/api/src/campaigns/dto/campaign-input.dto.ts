import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_STATUSES, CampaignStatus } from '@tcma/persistence';
import { SLOT_TYPES, SlotType } from '@tcma/campaign-model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class EligibilityDto {
  @ApiProperty({ type: [String], example: ['gold', 'platinum'], description: 'Partner tiers that may launch; empty means all.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tiers!: string[];

  @ApiProperty({ type: [String], example: ['emea'], description: 'Partner regions that may launch; empty means all.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  regions!: string[];
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'Acme Cloud Backup — Q3 nurture' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  language?: string;

  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 35) language?: string;

  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
}

export class SlotDto {
  @ApiProperty({ example: 'company_name', description: 'Referenced in templates as {{partner.<name>}}.' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ enum: SLOT_TYPES })
  @IsIn(SLOT_TYPES)
  type!: SlotType;

  @ApiPropertyOptional({ example: 'Company name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Used when a partner leaves the slot empty; must be a valid value of the type.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  fallback?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, description: 'text slots only; default 100.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  maxLength?: number;
}

export class PutSlotsDto {
  @ApiProperty({ type: [SlotDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots!: SlotDto[];
}

export class LinkDto {
  @ApiProperty({ example: 'trial', description: 'Referenced in templates as {{links.<name>}}; tracked when sent.' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ example: 'https://acme.example/trial' })
  @IsString()
  @Length(1, 2048)
  url!: string;
}

export class PutLinksDto {
  @ApiProperty({ type: [LinkDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => LinkDto)
  links!: LinkDto[];
}

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES, description: 'Vendor users only.' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}
