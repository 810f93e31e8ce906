import { Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { ScimService } from '@tcma/sso';
import type { Actor } from '@tcma/tenancy';

class ScimSettingsDto {
  @ApiProperty({ description: 'Whether a SCIM token is set (SCIM is on).' }) enabled!: boolean;
  @ApiProperty({
    example: 'https://engine.example.com/scim/v2',
    description: "The SCIM base URL for the provider's settings.",
  })
  baseUrl!: string;
}

class IssuedScimTokenDto extends ScimSettingsDto {
  @ApiProperty({ example: 'scim_Zk3…', description: 'Shown this once; the previous token stops working.' })
  token!: string;
}

/** The vendor's SCIM bearer token: one at a time, shown once. */
@ApiTags('single sign-on')
@ApiBearerAuth()
@Roles('vendor_admin')
@Controller('scim-token')
export class ScimTokenController {
  private readonly baseUrl: string;

  constructor(
    private readonly scim: ScimService,
    config: AppConfig,
  ) {
    this.baseUrl = new URL('/scim/v2', config.publicBaseUrl).href;
  }

  @Get()
  @ApiOperation({ operationId: 'getScimSettings', summary: 'Whether SCIM provisioning is on, and its base URL' })
  @ApiOkResponse({ type: ScimSettingsDto })
  async get(@CurrentActor() actor: Actor): Promise<ScimSettingsDto> {
    return { enabled: await this.scim.tokenSet(actor), baseUrl: this.baseUrl };
  }

  @Post()
  @ApiOperation({
    operationId: 'generateScimToken',
    summary: 'A new SCIM bearer token for the identity provider (shown once; the previous one stops working)',
  })
  @ApiCreatedResponse({ type: IssuedScimTokenDto })
  async issue(@CurrentActor() actor: Actor): Promise<IssuedScimTokenDto> {
    return { enabled: true, baseUrl: this.baseUrl, token: await this.scim.issueToken(actor) };
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'revokeScimToken', summary: 'Turn SCIM provisioning off: the token stops working' })
  @ApiNoContentResponse()
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.scim.revokeToken(actor);
  }
}
