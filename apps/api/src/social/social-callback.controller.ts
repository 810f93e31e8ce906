import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { SocialConnectionsService } from '@tcma/social';
import type { Response } from 'express';
import { SocialCallbackQuery } from './social-connection.dto';

/** Where the networks send the browser back after the partner authorized (or refused) the engine. */
@ApiTags('social')
@Public()
@Controller('social/callback')
export class SocialCallbackController {
  constructor(private readonly connections: SocialConnectionsService) {}

  @Get(':network')
  @ApiOperation({
    operationId: 'completeSocialConnection',
    summary: "A network's redirect after authorization: stores the connection, then redirects to the portal",
  })
  @ApiFoundResponse({
    description:
      'To /portal/social?connected={network}, or ?error=invalid_state|denied|exchange_failed (nothing stored).',
  })
  async complete(
    @Param('network') network: string,
    @Query() query: SocialCallbackQuery,
    @Res() res: Response,
  ): Promise<void> {
    const location = await this.connections.callback(network, query);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, location);
  }
}
