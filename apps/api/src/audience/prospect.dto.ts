import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CONSENT_SOURCES, type ConsentRecordRow, type ConsentSource, type ProspectRow } from '@tcma/persistence';
import { IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page.query';

export class ProspectDto {
  @ApiProperty({ example: 'ann@contoso.example' }) @IsString() @MaxLength(254) email!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) firstName?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) lastName?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) company?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) title?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) country?:
    string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Europe/Warsaw',
    description: "IANA zone; the partner's when absent.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'fr-CA',
    description:
      "The language the prospect reads, a BCP 47 tag, kept in its canonical form (pt-br → pt-BR): what a campaign's language variant is chosen by (closestLanguage: fr-CA, then fr, then the campaign's default).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'webinar signup 2026-10' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  consentSource?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Referenced in templates as {{prospect.custom.<key>}}.',
  })
  @IsOptional()
  @IsObject()
  custom?: Record<string, string> | null;
}

/** Any of the fields creation takes, each checked the same way. */
export class UpdateProspectDto extends PartialType(ProspectDto) {}

export class ProspectPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the email or company, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Matches(/^[0-9a-f-]{36}$/i) listId?: string;
}

export class ProspectViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ nullable: true, type: String }) company!: string | null;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) country!: string | null;
  @ApiProperty({ nullable: true, type: String }) timezone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A canonical BCP 47 tag.' }) language!: string | null;
  @ApiProperty({ nullable: true, type: String }) consentSource!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) custom!: Record<string, string>;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(p: ProspectRow): ProspectViewDto {
    return {
      id: String(p.id),
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      company: p.company,
      title: p.title,
      country: p.country,
      timezone: p.timezone,
      language: p.language,
      consentSource: p.consentSource,
      custom: p.custom,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

/** One piece of consent evidence: a grant (a form's checkbox, an import) or a withdrawal (an unsubscribe, the preference page). */
export class ConsentRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'true: consent given; false: withdrawn.' }) granted!: boolean;
  @ApiProperty({
    enum: CONSENT_SOURCES,
    description:
      'How it was recorded: form (a landing page), import (a CSV import or POST /prospects), unsubscribe (an unsubscribe link), preferences (the preference page).',
  })
  source!: ConsentSource;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'For an import: the consent source the importer declared for the prospect (its consentSource), as given; null when none was.',
  })
  declaredSource!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The exact wording the person agreed to (forms).' })
  wording!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The wording's version: the campaign version that carried it.",
  })
  wordingVersion!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The campaign it is about: a form’s, or the campaign left from the preference page.',
  })
  campaignId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The page the form was on.' }) page!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty() occurredAt!: Date;

  static from(r: ConsentRecordRow): ConsentRecordDto {
    return {
      id: String(r.id),
      granted: r.granted,
      source: r.source,
      declaredSource: r.declaredSource,
      wording: r.wording,
      wordingVersion: r.wordingVersion,
      campaignId: r.campaignId,
      page: r.page,
      ip: r.ip,
      userAgent: r.userAgent,
      occurredAt: r.occurredAt,
    };
  }
}
