import { ApiProperty } from '@nestjs/swagger';
import {
  SOCIAL_CONNECTION_STATUSES,
  SOCIAL_NETWORKS,
  SocialConnectionRow,
  SocialConnectionStatus,
  SocialNetwork,
} from '@tcma/persistence';
import { SOCIAL_REVOCATIONS, type Disconnected, type PostingState, type SocialRevocation } from '@tcma/social';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class SocialNetworkParam {
  @ApiProperty({ enum: SOCIAL_NETWORKS })
  @IsIn(SOCIAL_NETWORKS)
  network!: SocialNetwork;
}

/** What a network's redirect carries back (all optional: a refusal has no code). */
export class SocialCallbackQuery {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) code?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) state?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) error?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) error_description?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) error_reason?: string;
}

export class SocialAuthorizationDto {
  @ApiProperty({
    description:
      "The network's authorization page to send the browser to; it comes back to GET /social/callback/{network} within 10 minutes.",
  })
  authorizationUrl!: string;
}

export class SocialConnectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ enum: SOCIAL_NETWORKS }) network!: SocialNetwork;
  @ApiProperty({
    description:
      "The network's id of the account (LinkedIn urn:li:person:… for a member or urn:li:organization:… for a company page, X user id, Facebook page id).",
  })
  accountId!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({
    enum: SOCIAL_CONNECTION_STATUSES,
    description:
      'active; expiring (ends within the notice period and cannot be renewed without the partner); broken (refused by the network, e.g. the grant was revoked on its side: connect again); revoked (disconnected by the partner: tokens wiped, posts due on it fail).',
  })
  status!: SocialConnectionStatus;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'When the access ends unless refreshed; null: it does not expire.',
  })
  expiresAt!: Date | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Why it is broken or expiring, the last failed refresh, or (revoked) what disconnecting did at the network.',
  })
  lastError!: string | null;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: "When the partner's users were told of the current trouble.",
  })
  notifiedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) refreshedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When the partner disconnected it (revoked).' })
  revokedAt!: Date | null;
  @ApiProperty({ description: 'Posts can go out through it now (active, or expiring and not yet expired).' })
  usable!: boolean;
  @ApiProperty({
    description:
      "Its network's posts go out through it when a post or subscription chose no account: the working one connected most recently (one per network at most).",
  })
  postsByDefault!: boolean;
  @ApiProperty({ description: 'When it was first connected (connecting the same account again keeps it).' })
  createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(c: SocialConnectionRow & PostingState): SocialConnectionDto {
    return {
      id: c.id,
      partnerId: c.partnerId,
      network: c.network,
      accountId: c.accountId,
      accountName: c.accountName,
      status: c.status,
      expiresAt: c.expiresAt,
      lastError: c.lastError,
      notifiedAt: c.notifiedAt,
      refreshedAt: c.refreshedAt,
      revokedAt: c.revokedAt,
      usable: c.usable,
      postsByDefault: c.postsByDefault,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }
}

export class SocialDisconnectionDto {
  @ApiProperty({
    type: SocialConnectionDto,
    nullable: true,
    description:
      'The connection as it is now (revoked, its tokens wiped); null when a connection already disconnected was removed.',
  })
  connection!: SocialConnectionDto | null;
  @ApiProperty({
    enum: SOCIAL_REVOCATIONS,
    description:
      'What happened at the network: revoked (it confirmed); unsupported (it offers no revocation for this token: Facebook pages); shared (another connected account uses the same grant, so it was kept); failed (refused or unreachable: the engine forgot the access anyway); removed (taken off the list).',
  })
  revocation!: SocialRevocation;
  @ApiProperty({ description: 'The outcome in words, for the partner.' }) message!: string;

  static from(d: Disconnected): SocialDisconnectionDto {
    return {
      // Disconnected: posts never go out through it again.
      connection: d.connection
        ? SocialConnectionDto.from({ ...d.connection, usable: false, postsByDefault: false })
        : null,
      revocation: d.revocation,
      message: d.message,
    };
  }
}
