import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { CrmConnectionsService, CrmRevenueService } from '@tcma/crm';
import type { Request, Response } from 'express';
import { CrmStateCookie } from './crm-state-cookie';

/** What the CRMs call with no one signed in: the OAuth redirect back, and HubSpot's webhooks. */
@ApiTags('crm')
@Public()
@Controller('crm')
export class CrmCallbackController {
  constructor(
    private readonly connections: CrmConnectionsService,
    private readonly revenue: CrmRevenueService,
    private readonly stateCookie: CrmStateCookie,
    private readonly config: AppConfig,
  ) {}

  @Get('callback/:provider')
  @ApiOperation({
    operationId: 'completeCrmConnection',
    summary: "A CRM's redirect after authorization: stores the connection, then redirects to the CRM page",
  })
  @ApiFoundResponse({
    description:
      'To /portal/crm (or /console/crm) ?connected={provider}, or ?error=invalid_state|denied|exchange_failed.',
  })
  async complete(
    @Param('provider') provider: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const location = await this.connections.callback(provider, query, this.stateCookie.take(req, res));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, location);
  }

  /** HubSpot's webhook (deal events): its signature v3 is the credential. Not an API for people. */
  @Post('hubspot/events')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  async hubspotEvents(@Req() req: Request & { rawBody?: Buffer }): Promise<{ recorded: number }> {
    return this.revenue.hubspotEvents({
      uri: `${this.config.publicBaseUrl}${req.originalUrl}`,
      body: req.rawBody?.toString('utf8') ?? '',
      timestamp: header(req, 'x-hubspot-request-timestamp'),
      signature: header(req, 'x-hubspot-signature-v3'),
    });
  }
}

const header = (req: Request, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};
