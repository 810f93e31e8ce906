import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ROLES, Role, SSO_AUDIENCES, SsoAudience, SsoConnectionRow } from '@tcma/persistence';
import { MAX_SSO_CONNECTIONS_PER_VENDOR } from '@tcma/sso';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const CLAIM_NAME = /^[A-Za-z0-9_:./-]{1,100}$/;
const CLAIM_MESSAGE = 'must be a claim name: letters, digits and _ : . / - only, at most 100';

export class CreateSsoConnectionDto {
  @ApiProperty({ example: 'Acme PRM', description: 'The button says "Sign in with <name>". Unique per vendor.' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @ApiProperty({
    enum: SSO_AUDIENCES,
    description:
      "vendor_users: the vendor's own users; partner_users: its partners' users, each provisioned into the partner its token names.",
  })
  @IsIn(SSO_AUDIENCES)
  audience!: SsoAudience;

  @ApiProperty({
    example: 'https://login.acme.example',
    description:
      'The OpenID issuer (https; http only on the loopback address). Its discovery document must be readable.',
  })
  @IsString()
  @MaxLength(500)
  issuer!: string;

  @ApiProperty({ example: 'tcma-portal' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientId!: string;

  @ApiProperty({ description: 'Sealed at rest, never returned.', writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  clientSecret!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'prm_account_id',
    description: "partner_users only (required there): the ID token claim holding the partner's external id.",
  })
  @IsOptional()
  @Matches(CLAIM_NAME, { message: `partnerClaim ${CLAIM_MESSAGE}` })
  partnerClaim?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'groups',
    description:
      'The claim holding the role (a string or a list); the first value that is a role of the audience wins.',
  })
  @IsOptional()
  @Matches(CLAIM_NAME, { message: `roleClaim ${CLAIM_MESSAGE}` })
  roleClaim?: string | null;

  @ApiPropertyOptional({
    enum: ROLES,
    description: 'The role of a provisioned user without a usable role claim; default vendor_marketer or partner_user.',
  })
  @IsOptional()
  @IsIn(ROLES)
  defaultRole?: Role;

  @ApiPropertyOptional({ default: true, description: 'Off: its button is gone and its sign-ins are refused.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateSsoConnectionDto extends PartialType(OmitType(CreateSsoConnectionDto, ['audience'] as const)) {}

export class SsoConnectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SSO_AUDIENCES }) audience!: SsoAudience;
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ nullable: true, type: String }) partnerClaim!: string | null;
  @ApiProperty({ nullable: true, type: String }) roleClaim!: string | null;
  @ApiProperty({ enum: ROLES }) defaultRole!: Role;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    type: [String],
    description: "The redirect URIs to register at the provider: the engine's own, and one per verified host name.",
  })
  redirectUris!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(c: SsoConnectionRow, redirectUris: string[]): SsoConnectionDto {
    return {
      id: c.id,
      name: c.name,
      audience: c.audience,
      issuer: c.issuer,
      clientId: c.clientId,
      partnerClaim: c.partnerClaim,
      roleClaim: c.roleClaim,
      defaultRole: c.defaultRole,
      enabled: c.enabled,
      redirectUris,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }
}

export class SsoConnectionListDto {
  @ApiProperty({ type: [SsoConnectionDto], description: `Oldest first; at most ${MAX_SSO_CONNECTIONS_PER_VENDOR}.` })
  items!: SsoConnectionDto[];
}

export class SsoButtonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme PRM' }) name!: string;
  @ApiProperty({ example: '/auth/sso/8b0f…/start', description: 'Open it (a top-level navigation) to sign in there.' })
  startUrl!: string;
}

export class SsoButtonListDto {
  @ApiProperty({ type: [SsoButtonDto] }) items!: SsoButtonDto[];
}

export class SsoButtonsQuery {
  @ApiPropertyOptional({
    description: "The vendor's slug (the sign-in page's ?vendor=); on a vendor's host name, its own.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  vendor?: string;
}

export class SsoStartQuery {
  @ApiPropertyOptional({
    example: '/portal/campaigns',
    description: "Where to land after signing in: one of the engine's own paths.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}

export class SsoRequirementDto {
  @ApiProperty({
    description:
      'Vendor users (vendor admins excepted: the way back in) sign in only through single sign-on; their passwords are refused with the reason.',
  })
  @IsBoolean()
  ssoRequiredVendorUsers!: boolean;

  @ApiProperty({
    description: "Partners' users sign in only through single sign-on; their passwords are refused with the reason.",
  })
  @IsBoolean()
  ssoRequiredPartnerUsers!: boolean;
}
