import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@tcma/persistence';
import type { SsoTestResult } from '@tcma/sso';

export class SsoTestStartDto {
  @ApiProperty({
    description:
      "Where the admin's browser goes: the connection's start with a test ticket (10 minutes). The provider's answer comes back to /console/sso?tested={id}&result={resultId}.",
  })
  startUrl!: string;
}

class SsoClaimDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'As text (lists joined with ", ", other values as JSON), cut at 300 characters.' })
  value!: string;
}

class SsoReadingDto {
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, description: 'The role a new account would get.' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, description: "The partner's external id (partner connections)." })
  partnerExternalId!: string | null;
}

class SsoTestPartnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty() status!: string;
}

class SsoTestUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) partnerId!: string | null;
}

class SsoTestRefusalDto {
  @ApiProperty({ description: 'The reason a real sign-in would show (sso_error).' }) reason!: string;
  @ApiProperty({ description: 'What exactly, for the admin.' }) detail!: string;
}

export class SsoTestResultDto {
  @ApiProperty({ format: 'uuid' }) connectionId!: string;
  @ApiProperty() testedAt!: string;
  @ApiProperty({ type: [SsoClaimDto], description: 'Every claim or attribute received, sorted (at most 50).' })
  claims!: SsoClaimDto[];
  @ApiProperty({ type: SsoReadingDto, nullable: true, description: 'What the engine reads from them.' })
  reading!: SsoReadingDto | null;
  @ApiProperty({ type: SsoTestPartnerDto, nullable: true, description: 'The partner the partner claim names.' })
  partner!: SsoTestPartnerDto | null;
  @ApiProperty({
    type: SsoTestUserDto,
    nullable: true,
    description: 'The account the email already names: a sign-in uses it, its role unchanged.',
  })
  existingUser!: SsoTestUserDto | null;
  @ApiProperty({
    type: SsoTestRefusalDto,
    nullable: true,
    description:
      'Why a real sign-in would be refused; null: it would sign in (provisioning a new account if none exists).',
  })
  refusal!: SsoTestRefusalDto | null;

  static from(r: SsoTestResult): SsoTestResultDto {
    return { ...r };
  }
}

export class SsoRefusalDto {
  @ApiProperty({ description: 'The reason the sign-in page showed (sso_error).' }) reason!: string;
  @ApiProperty({ description: 'What exactly was wrong.' }) detail!: string;
  @ApiProperty() at!: Date;
}

export class SsoRefusalListDto {
  @ApiProperty({ type: [SsoRefusalDto], description: 'Newest first; the last 30 days, 50 at most.' })
  items!: SsoRefusalDto[];
}
