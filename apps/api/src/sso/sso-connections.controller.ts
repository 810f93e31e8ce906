import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { SsoConnectionRow } from '@tcma/persistence';
import { SsoConnectionsService } from '@tcma/sso';
import type { Actor } from '@tcma/tenancy';
import { VendorHostNamesService } from '@tcma/vendor-hosts';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  CreateSsoConnectionDto,
  SsoConnectionDto,
  SsoConnectionListDto,
  UpdateSsoConnectionDto,
} from './sso-connection.dto';

/**
 * OpenID Connect and SAML 2.0 providers: a vendor admin's are the vendor's (signing in its users
 * or its partners' users), a partner admin's are its partner's own (signing in its users only).
 */
@ApiTags('single sign-on')
@ApiBearerAuth()
@Roles('vendor_admin', 'partner_admin')
@Controller('sso-connections')
export class SsoConnectionsController {
  constructor(
    private readonly connections: SsoConnectionsService,
    private readonly hostNames: VendorHostNamesService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listSsoConnections',
    summary: "Your sign-in connections: the vendor's own, or for a partner admin the partner's own",
  })
  @ApiOkResponse({ type: SsoConnectionListDto })
  async list(@CurrentActor() actor: Actor): Promise<SsoConnectionListDto> {
    const rows = await this.connections.list(actor);
    const origins = await this.origins(actor);
    return { items: rows.map((c) => SsoConnectionDto.from(c, origins, this.config.publicBaseUrl)) };
  }

  @Post()
  @ApiOperation({
    operationId: 'createSsoConnection',
    summary: 'Add an OpenID Connect or SAML 2.0 identity provider',
    description:
      "422 naming the field: an issuer that is not https or whose discovery document cannot be read, SAML metadata that cannot be read or names no identity provider, HTTP-Redirect sign-in service or signing certificate, the other protocol's settings, a vendor's partner connection without its partner claim (a partner's own takes none, and only partner_users), a default role of the other audience, past the limit. 409 for a name in use.",
  })
  @ApiCreatedResponse({ type: SsoConnectionDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateSsoConnectionDto): Promise<SsoConnectionDto> {
    const made = await this.connections.create(actor, {
      name: dto.name.trim(),
      audience: dto.audience,
      protocol: dto.protocol ?? 'oidc',
      issuer: dto.issuer?.trim() ?? null,
      clientId: dto.clientId?.trim() ?? null,
      clientSecret: dto.clientSecret ?? null,
      metadataUrl: dto.metadataUrl?.trim() ?? null,
      metadataXml: dto.metadataXml ?? null,
      partnerClaim: dto.partnerClaim ?? null,
      roleClaim: dto.roleClaim ?? null,
      defaultRole: dto.defaultRole ?? null,
      enabled: dto.enabled ?? true,
    });
    return this.dto(actor, made);
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateSsoConnection',
    summary: 'Change a connection (audience and protocol stay); new secret or metadata replaces the old',
  })
  @ApiOkResponse({ type: SsoConnectionDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateSsoConnectionDto,
  ): Promise<SsoConnectionDto> {
    const { defaultRole, ...rest } = dto;
    return this.dto(
      actor,
      await this.connections.update(actor, id, { ...rest, ...(defaultRole ? { defaultRole } : {}) }),
    );
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'deleteSsoConnection',
    summary: 'Remove a connection: its users keep their accounts and sessions, and sign in another way',
  })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.connections.remove(actor, id);
  }

  private async dto(actor: Actor, row: SsoConnectionRow): Promise<SsoConnectionDto> {
    return SsoConnectionDto.from(row, await this.origins(actor), this.config.publicBaseUrl);
  }

  /** The engine's own origin, and each host name's the vendor verified: sign-ins come back to either. */
  private async origins(actor: Actor): Promise<string[]> {
    const base = new URL(this.config.publicBaseUrl);
    const hosts = await this.hostNames.verifiedHosts(actor.vendorId);
    return [base.origin, ...hosts.map((h) => `${base.protocol}//${h}`)];
  }
}
