import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOCIAL_NETWORKS, SocialNetwork } from '@tcma/campaign-model';
import { MAX_PAGE_DPI, SOCIAL_IMAGE_SIZES } from '@tcma/cobrand';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SocialCopyDto } from './asset-input.dto';
import { ProblemDto } from './campaign-output.dto';

export const MIN_PAGE_DPI = 36;

export class FilePageQuery {
  @ApiPropertyOptional({
    minimum: MIN_PAGE_DPI,
    maximum: MAX_PAGE_DPI,
    default: 100,
    description:
      'PDF pages: the resolution (a page has at most 16 megapixels). Images are fitted in 2,000 px whatever it says.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_PAGE_DPI)
  @Max(MAX_PAGE_DPI)
  dpi?: number;
}

export class DraftAssetPreviewQuery extends FilePageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A partner of the vendor to preview as (its brand kit and logo; required slots it lacks show their type's sample value). Default: the sample partner.",
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'PDF: the page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({
    enum: Object.keys(SOCIAL_IMAGE_SIZES),
    default: 'linkedin',
    description: 'Social: the network size of the image.',
  })
  @IsOptional()
  @IsIn(Object.keys(SOCIAL_IMAGE_SIZES))
  size?: string;

  @ApiPropertyOptional({
    example: 'de',
    description:
      "One of the asset's language variants (its tag): that variant's file, rectangles and copy. Default: the asset itself.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;

  @ApiPropertyOptional({
    description:
      'Ignored: the draft revision the console shows, so that each revision is a new address for the browser. The preview is always of the current draft.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,10}$/)
  v?: string;
}

export class DraftSocialCheckDto {
  @ApiProperty({
    type: SocialCopyDto,
    description: 'The post copy per network, as PUT …/assets/social/{assetId} takes it.',
  })
  @ValidateNested()
  @Type(() => SocialCopyDto)
  copy!: SocialCopyDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The social asset of the draft being edited (problems at its index); without it, as one being added.',
  })
  @IsOptional()
  @IsUUID()
  assetId?: string;
}

export class SocialCopyMeasureDto {
  @ApiProperty({ enum: SOCIAL_NETWORKS }) network!: SocialNetwork;
  @ApiProperty({ example: 280 }) limit!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The copy as the network counts it with the sample partner’s values (null when its template does not parse).',
  })
  length!: number | null;
  @ApiProperty({
    description: 'The longest it can get with the longest values the slots allow: the limit is checked against this.',
  })
  longest!: number;
  @ApiProperty({ description: 'Links written in the copy.' }) links!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'What each link counts on this network (X: 23); null: its own length.',
  })
  linkLength!: number | null;
  @ApiProperty({ description: 'longest ≤ limit.' }) fits!: boolean;
}

export class DraftSocialCheckResultDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    type: [ProblemDto],
    description: 'Exactly the problems saving this copy would answer 422 with (paths such as assets[4].copy.x).',
  })
  problems!: ProblemDto[];
  @ApiProperty({
    type: [SocialCopyMeasureDto],
    description: 'Each network given, in the order linkedin, x, facebook, instagram.',
  })
  networks!: SocialCopyMeasureDto[];
}
