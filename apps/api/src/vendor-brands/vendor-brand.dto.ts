import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ContrastWarningDto, LogoViewDto } from '../brand-kits/brand-kit.dto';

/** Every field of the vendor's brand except the images; an absent or empty field clears it. */
export class VendorBrandDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Acme Partner Hub',
    description: "Defaults to the vendor's name. The From name of the engine's emails to partner users.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '#0f766e' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  primaryColor?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'partners@acme.example' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  supportEmail?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://acme.example/partners/help' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  supportUrl?: string | null;
}

class BrandColorsDto {
  @ApiProperty({ example: '#0f766e', description: "The vendor's colour, or the engine's." }) primary!: string;
  @ApiProperty({
    description: 'The colour when white text on it reaches WCAG AA (4.5:1), else the nearest darker shade that does.',
  })
  primaryReadable!: string;
  @ApiProperty({ description: 'Black or white, whichever reads better on the colour itself.' }) primaryText!: string;
}

/** What every page of a vendor's portal, signed in or not, is themed with. */
export class PortalBrandDto {
  @ApiProperty({ nullable: true, type: String, description: "The vendor's slug; null for the engine's own look." })
  vendor!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) logoUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) faviconUrl!: string | null;
  @ApiProperty({ type: BrandColorsDto }) colors!: BrandColorsDto;
  @ApiProperty({ nullable: true, type: String }) supportEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) supportUrl!: string | null;
}

class SavedBrandDto {
  @ApiProperty({ nullable: true, type: String, description: "null: the vendor's name stands in." })
  displayName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "null: the engine's colour stands in." })
  primaryColor!: string | null;
}

export class VendorBrandViewDto extends PortalBrandDto {
  @ApiProperty({ type: SavedBrandDto, description: 'The fields as saved, before defaults.' }) saved!: SavedBrandDto;
  @ApiProperty({ type: LogoViewDto, nullable: true }) logo!: LogoViewDto | null;
  @ApiProperty({ type: LogoViewDto, nullable: true }) favicon!: LogoViewDto | null;
  @ApiProperty({ description: 'Changes with every edit.' }) revision!: number;
  @ApiProperty({
    type: [ContrastWarningDto],
    description: 'When white text on the primary colour fails WCAG AA: the readable shade the portal uses instead.',
  })
  warnings!: ContrastWarningDto[];
}
