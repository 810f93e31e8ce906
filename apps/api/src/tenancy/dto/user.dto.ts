import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@tcma/locales';
import { ROLES, Role, UserRow } from '@tcma/persistence';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validators/is-present.validator';
import { LOCALE_DESCRIPTION } from '../../common/locale.dto';
import { PageQuery } from '../../common/page.query';

export class CreateUserDto {
  @ApiProperty({ example: 'jane@acme.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Jane Doe' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for partner users: the partner they belong to.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'A disabled user cannot authenticate; their tokens stop working at once.' })
  @IsOptionalNotNull()
  @IsBoolean()
  disabled?: boolean;
}

export class UpdateOwnProfileDto {
  @ApiPropertyOptional({
    enum: LOCALES,
    nullable: true,
    type: String,
    description: `${LOCALE_DESCRIPTION} Absent: unchanged.`,
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ enum: LOCALES, nullable: true, type: String, description: LOCALE_DESCRIPTION }) locale!: Locale | null;
  @ApiProperty() createdAt!: Date;

  static from(user: UserRow): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      partnerId: user.partnerId,
      disabled: user.disabledAt !== null,
      locale: user.locale,
      createdAt: user.createdAt,
    };
  }
}
