import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { VendorScope } from '@tcma/persistence';
import {
  readScimPatch,
  readScimUser,
  SCIM_LIST,
  SCIM_MAX_COUNT,
  ScimService,
  toScimUser,
  userNameFilter,
} from '@tcma/sso';
import type { Request, Response } from 'express';
import { scimAnswer, scimPage } from './scim-answer';

/**
 * SCIM 2.0 users (RFC 7644) for a vendor's identity provider: create, read, search by userName,
 * replace, patch (active, name) and delete (deactivates). Authenticated by the vendor's SCIM
 * bearer token, not a user's; answers and errors in SCIM's own shapes. Outside the OpenAPI
 * document: identity providers speak the RFC, and the guide lists what is supported.
 */
@ApiExcludeController()
@Public()
@Controller('scim/v2/Users')
export class ScimUsersController {
  private readonly location: string;

  constructor(
    private readonly scim: ScimService,
    config: AppConfig,
  ) {
    this.location = new URL('/scim/v2/Users', config.publicBaseUrl).href;
  }

  @Get()
  async list(
    @Query('filter') filter: unknown,
    @Query('startIndex') startIndex: unknown,
    @Query('count') count: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) => {
      const { start, size } = scimPage(startIndex, count, SCIM_MAX_COUNT);
      const page = await this.scim.list(scope, userNameFilter(filter), start, size);
      return {
        schemas: [SCIM_LIST],
        totalResults: page.total,
        startIndex: start,
        itemsPerPage: page.items.length,
        Resources: page.items.map((u) => toScimUser(u, u.partnerExternalId, this.location)),
      };
    });
  }

  @Get(':id')
  async get(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, 200, async (scope) => {
      const u = await this.scim.get(scope, id);
      return toScimUser(u, u.partnerExternalId, this.location);
    });
  }

  @Post()
  async create(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, 201, async (scope) => {
      const u = await this.scim.create(scope, readScimUser(body ?? {}));
      return toScimUser(u, u.partnerExternalId, this.location);
    });
  }

  @Put(':id')
  async replace(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) => {
      const u = await this.scim.replace(scope, id, readScimUser(body ?? {}));
      return toScimUser(u, u.partnerExternalId, this.location);
    });
  }

  @Patch(':id')
  async patch(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) => {
      const u = await this.scim.patch(scope, id, readScimPatch(body ?? {}));
      return toScimUser(u, u.partnerExternalId, this.location);
    });
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, 204, async (scope) => {
      await this.scim.deactivate(scope, id);
      return null;
    });
  }

  private answer(req: Request, res: Response, status: number, work: (scope: VendorScope) => Promise<object | null>) {
    return scimAnswer(this.scim, req, res, status, work);
  }
}
