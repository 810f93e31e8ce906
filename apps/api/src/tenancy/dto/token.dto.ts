import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiTokenRow } from '@tcma/persistence';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class IssueTokenDto {
  @ApiProperty({ example: 'CI pipeline' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only: issue the token for another user of the vendor.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3650,
    description: 'The token stops working after this many days; never by default.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ListTokensQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class TokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the token, to tell tokens apart.' }) prefix!: string;
  @ApiProperty({ nullable: true, type: Date }) expiresAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty() createdAt!: Date;

  static from(token: ApiTokenRow): TokenDto {
    return {
      id: token.id,
      userId: token.userId,
      name: token.name,
      prefix: token.prefix,
      expiresAt: token.expiresAt,
      lastUsedAt: token.lastUsedAt,
      revokedAt: token.revokedAt,
      createdAt: token.createdAt,
    };
  }
}

export class IssuedTokenDto extends TokenDto {
  @ApiProperty({ description: 'The secret, shown this once. Send it as `Authorization: Bearer <token>`.' })
  token!: string;
}
