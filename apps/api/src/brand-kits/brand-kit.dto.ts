import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class SenderIdentityDto {
  @ApiProperty({ example: 'Zofia at Northwind IT' }) @IsString() @MaxLength(100) fromName!: string;
  @ApiProperty({ example: 'zofia@northwind-it.example' }) @IsString() @MaxLength(254) fromEmail!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(254) replyTo?:
    string | null;
}

/** Every field of the brand kit except the logo; an absent or empty field clears it. */
export class BrandKitDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: "Defaults to the partner's company name." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  companyName?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) contactName?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '+48 42 555 01 23' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(254) email?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://northwind-it.example/' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  website?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Up to 6 lines, 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '#0f766e' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  primaryColor?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(16) secondaryColor?:
    string | null;

  @ApiPropertyOptional({
    type: SenderIdentityDto,
    nullable: true,
    description: 'From name and address of emails sent for the partner.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SenderIdentityDto)
  sender?: SenderIdentityDto | null;
}

export class LogoViewDto {
  @ApiProperty() pngUrl!: string;
  @ApiProperty() webpUrl!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() dominantColor!: string;
}

export class ContrastWarningDto {
  @ApiProperty() field!: string;
  @ApiProperty() color!: string;
  @ApiProperty() ratio!: number;
  @ApiProperty() message!: string;
  @ApiProperty() suggestedTextColor!: string;
  @ApiProperty() suggestedColor!: string;
}

class StoredSenderDto {
  @ApiProperty() fromName!: string;
  @ApiProperty() fromEmail!: string;
  @ApiProperty({ nullable: true, type: String }) replyTo!: string | null;
  @ApiProperty({
    description:
      'Whether the confirmation link mailed to fromEmail was followed (a new address needs a new confirmation).',
  })
  confirmed!: boolean;
}

class SendingAsDto {
  @ApiProperty({ example: 'Northwind IT via Acme' }) fromName!: string;
  @ApiProperty({ example: 'partners@acme.example' }) fromAddress!: string;
  @ApiProperty({ nullable: true, type: String }) replyTo!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "Why the partner's own From address is not used yet (unconfirmed, or no DKIM key of its domain), and what is sent instead.",
  })
  warning!: string | null;
}

export class BrandKitViewDto {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) primaryColor!: string | null;
  @ApiProperty({ nullable: true, type: String }) secondaryColor!: string | null;
  @ApiProperty({ type: LogoViewDto, nullable: true }) logo!: LogoViewDto | null;
  @ApiProperty({ type: StoredSenderDto, nullable: true }) sender!: StoredSenderDto | null;
  @ApiProperty({
    type: SendingAsDto,
    description:
      "How the partner's emails go out now: its own address only once confirmed and signed by a DKIM key of its domain.",
  })
  sendingAs!: SendingAsDto;
  @ApiProperty({ description: 'Changes with every edit; part of every render key.' }) revision!: number;
  @ApiProperty({
    type: [ContrastWarningDto],
    description: 'Colours on which white text fails WCAG AA, with readable alternatives.',
  })
  warnings!: ContrastWarningDto[];
}
