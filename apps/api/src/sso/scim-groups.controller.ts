import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { VendorScope } from '@tcma/persistence';
import {
  groupFilter,
  readGroupPatch,
  readScimGroup,
  SCIM_LIST,
  SCIM_MAX_COUNT,
  ScimGroupsService,
  ScimService,
  toScimGroup,
} from '@tcma/sso';
import type { Request, Response } from 'express';
import { scimAnswer, scimPage } from './scim-answer';

/**
 * SCIM 2.0 groups (RFC 7644) for a vendor's identity provider: the vendor's partners, their
 * active users as members. Create (a new partner), read, search by displayName or externalId,
 * replace, patch (name, externalId, members) and delete (suspends the partner). Same token and
 * shapes as /scim/v2/Users; outside the OpenAPI document, as it is.
 */
@ApiExcludeController()
@Public()
@Controller('scim/v2/Groups')
export class ScimGroupsController {
  private readonly location: string;

  constructor(
    private readonly scim: ScimService,
    private readonly groups: ScimGroupsService,
    config: AppConfig,
  ) {
    this.location = new URL('/scim/v2/Groups', config.publicBaseUrl).href;
  }

  @Get()
  async list(
    @Query('filter') filter: unknown,
    @Query('startIndex') startIndex: unknown,
    @Query('count') count: unknown,
    @Query('excludedAttributes') excluded: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) => {
      const { start, size } = scimPage(startIndex, count, SCIM_MAX_COUNT);
      const page = await this.groups.list(scope, groupFilter(filter), start, size);
      return {
        schemas: [SCIM_LIST],
        totalResults: page.total,
        startIndex: start,
        itemsPerPage: page.items.length,
        Resources: page.items.map((g) => toScimGroup(g, this.location, withMembers(excluded))),
      };
    });
  }

  @Get(':id')
  async get(
    @Param('id') id: string,
    @Query('excludedAttributes') excluded: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) =>
      toScimGroup(await this.groups.get(scope, id), this.location, withMembers(excluded)),
    );
  }

  @Post()
  async create(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, 201, async (scope) =>
      toScimGroup(await this.groups.create(scope, readScimGroup(body ?? {})), this.location),
    );
  }

  @Put(':id')
  async replace(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) =>
      toScimGroup(await this.groups.replace(scope, id, readScimGroup(body ?? {})), this.location),
    );
  }

  @Patch(':id')
  async patch(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(req, res, 200, async (scope) =>
      toScimGroup(await this.groups.patch(scope, id, readGroupPatch(body ?? {})), this.location),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, 204, async (scope) => {
      await this.groups.suspend(scope, id);
      return null;
    });
  }

  private answer(req: Request, res: Response, status: number, work: (scope: VendorScope) => Promise<object | null>) {
    return scimAnswer(this.scim, req, res, status, work);
  }
}

/** `excludedAttributes=members` (Entra ID lists groups so): the members left out. */
const withMembers = (excluded: unknown) =>
  !(typeof excluded === 'string' && excluded.split(',').some((a) => a.trim().toLowerCase() === 'members'));
