import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ROLES,
  Role,
  SSO_AUDIENCES,
  SSO_PROTOCOLS,
  SsoAudience,
  SsoConnectionRow,
  SsoProtocol,
} from '@tcma/persistence';
import { MAX_SSO_CONNECTIONS_PER_VENDOR, samlAcsUrl, samlEntityId } from '@tcma/sso';
import { CALLBACK_PATH } from './sso-callback-url';
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

  @ApiPropertyOptional({
    enum: SSO_PROTOCOLS,
    default: 'oidc',
    description: 'oidc: give issuer, clientId and clientSecret; saml: give metadataUrl or metadataXml.',
  })
  @IsOptional()
  @IsIn(SSO_PROTOCOLS)
  protocol?: SsoProtocol;

  @ApiPropertyOptional({
    example: 'https://login.acme.example',
    description:
      'oidc (required there): the OpenID issuer (https; http only on the loopback address). Its discovery document must be readable.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  issuer?: string;

  @ApiPropertyOptional({ example: 'tcma-portal', description: 'oidc (required there).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientId?: string;

  @ApiPropertyOptional({ description: 'oidc (required there). Sealed at rest, never returned.', writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  clientSecret?: string;

  @ApiPropertyOptional({
    example: 'https://prm.acme.example/saml/metadata',
    description:
      "saml (this or metadataXml): the identity provider's metadata URL (https; http only on the loopback address), read now and on every change that gives it.",
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  metadataUrl?: string;

  @ApiPropertyOptional({
    description: "saml (this or metadataUrl): the identity provider's metadata XML, pasted.",
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  metadataXml?: string;

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

export class UpdateSsoConnectionDto extends PartialType(
  OmitType(CreateSsoConnectionDto, ['audience', 'protocol'] as const),
) {}

/** What a SAML identity provider registers of the engine. */
export class SamlServiceProviderDto {
  @ApiProperty({ example: 'https://tcma.example/auth/saml/8b0f…/metadata', description: "The engine's entity id." })
  entityId!: string;
  @ApiProperty({
    type: [String],
    description: "The assertion consumer service URLs (HTTP-POST): the engine's own, and one per verified host name.",
  })
  acsUrls!: string[];
  @ApiProperty({ description: "The engine's metadata for this connection (the entity id is its address)." })
  metadataUrl!: string;
}

export class SsoConnectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SSO_AUDIENCES }) audience!: SsoAudience;
  @ApiProperty({ enum: SSO_PROTOCOLS }) protocol!: SsoProtocol;
  @ApiProperty({ nullable: true, type: String, description: 'oidc only.' }) issuer!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'oidc only.' }) clientId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "saml only: the identity provider's entity id." })
  idpEntityId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'saml only: where its metadata is read from (null when pasted).',
  })
  idpMetadataUrl!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      "A partner's own connection: that partner (it signs in that partner's users only); null: the vendor's.",
  })
  partnerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) partnerClaim!: string | null;
  @ApiProperty({ nullable: true, type: String }) roleClaim!: string | null;
  @ApiProperty({ enum: ROLES }) defaultRole!: Role;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    type: [String],
    description:
      "oidc: the redirect URIs to register at the provider: the engine's own, and one per verified host name (saml: none).",
  })
  redirectUris!: string[];
  @ApiProperty({
    type: SamlServiceProviderDto,
    nullable: true,
    description: 'saml only: what to register at the provider.',
  })
  saml!: SamlServiceProviderDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  /** `origins`: the engine's own and each verified host name's (`https://host`), where sign-ins come back. */
  static from(c: SsoConnectionRow, origins: string[], publicBaseUrl: string): SsoConnectionDto {
    const saml = c.protocol === 'saml';
    return {
      id: c.id,
      name: c.name,
      audience: c.audience,
      partnerId: c.partnerId,
      protocol: c.protocol,
      issuer: c.issuer,
      clientId: c.clientId,
      idpEntityId: c.samlIdpEntityId,
      idpMetadataUrl: c.samlMetadataUrl,
      partnerClaim: c.partnerClaim,
      roleClaim: c.roleClaim,
      defaultRole: c.defaultRole,
      enabled: c.enabled,
      redirectUris: saml ? [] : origins.map((o) => new URL(CALLBACK_PATH, o).href),
      saml: saml
        ? {
            entityId: samlEntityId(publicBaseUrl, c.id),
            acsUrls: origins.map((o) => samlAcsUrl(o, c.id)),
            metadataUrl: samlEntityId(publicBaseUrl, c.id),
          }
        : null,
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
  @ApiProperty({ enum: SSO_PROTOCOLS }) protocol!: SsoProtocol;
  @ApiProperty({
    example: '/auth/sso/8b0f…/start',
    description: 'Open it (a top-level navigation) to sign in there: /auth/sso/… or /auth/saml/… by protocol.',
  })
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

export class SsoDiscoveryQuery extends SsoButtonsQuery {
  @ApiProperty({
    example: 'ana@acme.example',
    description: 'The address typed on the sign-in page: only its domain is used.',
  })
  @IsString()
  @MaxLength(320)
  email!: string;
}

/** What a SAML identity provider posts to the assertion consumer service (HTTP-POST binding). */
export class SamlAcsBody {
  @ApiProperty({ description: 'The base64 SAML Response.' })
  @IsString()
  @MaxLength(60_000)
  SAMLResponse!: string;

  @ApiPropertyOptional({
    example: '/portal/campaigns',
    description: "Where to land: one of the engine's own paths (anything else lands home).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  RelayState?: string;
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

  @ApiPropertyOptional({
    description:
      "A test sign-in's ticket (from POST /sso-connections/{id}/test): the provider's answer is shown to the admin, nobody is signed in.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  test?: string;
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
