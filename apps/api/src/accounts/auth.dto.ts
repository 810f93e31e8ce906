import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InvitationPreview } from '@tcma/accounts';
import { LOCALES, type Locale } from '@tcma/locales';
import { InvitationRow, ROLES, Role, SessionRow, UserRow } from '@tcma/persistence';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LOCALE_DESCRIPTION } from '../common/locale.dto';
import { PageQuery } from '../common/page.query';

export class SignInDto {
  @ApiProperty({ example: 'jane@acme.example' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1000)
  password!: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid' }) vendorId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ enum: LOCALES, nullable: true, type: String, description: LOCALE_DESCRIPTION }) locale!: Locale | null;

  static from(u: UserRow): SessionUserDto {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      vendorId: u.vendorId,
      partnerId: u.partnerId,
      locale: u.locale,
    };
  }
}

export class SignedInDto {
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
  @ApiProperty({ description: 'Send it as the X-CSRF-Token header on every request that changes something.' })
  csrfToken!: string;
  @ApiProperty({ description: 'The absolute end of the session, whatever its use.' }) expiresAt!: Date;
}

export class SessionCapabilitiesDto {
  @ApiProperty({ description: 'The vendor console: vendor users.' }) vendorConsole!: boolean;
  @ApiProperty({ description: 'The partner portal: partner users, and a vendor user acting for a partner.' })
  partnerPortal!: boolean;
  @ApiProperty({ description: 'Links for developers (the API reference): vendor users, never partners.' })
  developerTools!: boolean;
  @ApiProperty({
    description: "The console's settings areas (sending, host names, webhooks, the vendor's brand): vendor admins.",
  })
  vendorSettings!: boolean;
  @ApiProperty({
    description:
      "The console's marketing areas (partners, programmes, dashboards, social posts, leads): vendor admins and marketers, not approvers.",
  })
  vendorMarketing!: boolean;
}

/** The vendor whose own host name a request came to. */
export class HostVendorDto {
  @ApiProperty({ description: "The vendor's slug: its public brand is read with it." }) slug!: string;
}

/**
 * Who is signed in, for the web app. Asked without any credential it answers `signedIn: false`
 * (200, not 401: a signed-out page is not an error); a cookie or token that is no longer valid is
 * still refused with 401.
 */
export class CurrentSessionDto {
  @ApiProperty() signedIn!: boolean;
  @ApiProperty({ type: SessionUserDto, nullable: true, description: 'Null when nobody is signed in.' })
  user!: SessionUserDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for API-token callers, who need none, and when nobody is signed in.',
  })
  csrfToken!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set while a vendor user acts for a partner (X-Acting-For).',
  })
  actingForPartnerId!: string | null;
  @ApiProperty({
    type: SessionCapabilitiesDto,
    description: "The areas the web app's navigation offers this user (the API decides them, from the role).",
  })
  capabilities!: SessionCapabilitiesDto;
  @ApiProperty({
    type: HostVendorDto,
    nullable: true,
    description:
      'The vendor whose own verified host name this request came to, so the sign-in page can show its brand (only its users sign in there); null on the generic host, which serves every vendor.',
  })
  vendor!: HostVendorDto | null;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() lastSeenAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) ipAddress!: string | null;
  @ApiProperty({ description: 'The session of this request.' }) current!: boolean;

  static from(s: SessionRow, currentId: string | undefined): SessionDto {
    return {
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      userAgent: s.userAgent,
      ipAddress: s.ipAddress,
      current: s.id === currentId,
    };
  }
}

export class SignedOutEverywhereDto {
  @ApiProperty({ description: 'How many sessions ended.' }) ended!: number;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'jane@acme.example' })
  @IsString()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token of the emailed link (the last part of /reset-password/<token>).' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1000)
  password!: string;
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token of the emailed link (the last part of /invitations/<token>).' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ example: 'Jane Doe' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1000)
  password!: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() vendorName!: string;
  @ApiProperty({ type: String, nullable: true }) partnerName!: string | null;
  @ApiProperty() expiresAt!: Date;

  static from(p: InvitationPreview): InvitationPreviewDto {
    return { ...p };
  }
}

export class AccountEmailDto {
  @ApiProperty({ description: 'The account concerned: sign in with it.' }) email!: string;
}

export class AcceptedInvitationDto extends AccountEmailDto {
  @ApiProperty({
    description:
      "The new user is signed in (the session cookie is set): false only where this host's vendor is not the invitation's, whose sign-in page the user then uses.",
  })
  signedIn!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'With signedIn, the CSRF token of the new session.' })
  csrfToken!: string | null;
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'jane@partner.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Required when a vendor admin invites a partner's user; a partner admin's invitations are for its own partner.",
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    nullable: true,
    type: String,
    description:
      "The invitee's language: the invitation email's, and the new user's once accepted. Absent or null: the email is in the inviter's language (else English) and the new user's follows the browser.",
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}

export class ListInvitationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ description: 'Only invitations not yet accepted, withdrawn or expired.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pending?: boolean;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'withdrawn', 'expired'] }) status!:
    'pending' | 'accepted' | 'withdrawn' | 'expired';
  @ApiProperty() expiresAt!: Date;
  @ApiProperty() createdAt!: Date;

  static from(i: InvitationRow, now: Date): InvitationDto {
    const status = i.acceptedAt ? 'accepted' : i.revokedAt ? 'withdrawn' : i.expiresAt <= now ? 'expired' : 'pending';
    return {
      id: i.id,
      email: i.email,
      role: i.role,
      partnerId: i.partnerId,
      status,
      expiresAt: i.expiresAt,
      createdAt: i.createdAt,
    };
  }
}
